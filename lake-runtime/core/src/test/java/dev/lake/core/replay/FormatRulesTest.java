package dev.lake.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.diff.Diff;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.Transform;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replay and diff follow the rules of the table's format, not Iceberg's. */
class FormatRulesTest {
  /** A format with fixed partition columns, identity partitions only, no sort order or identifiers. */
  private static final FormatRules STRICT = new FormatRules("strict", List.of("int -> long"),
      FormatRules.DecimalWidening.PRECISION_AND_SCALE, Set.of(Transform.Kind.IDENTITY),
      FormatRules.ALL_PRIMITIVE_TYPES, false, true, false, false, List.of("strict."), List.of());

  private static final TableModel T = TableModel.builder("db.t").required("id", "long").optional("n", "int")
      .optional("d", "decimal(9, 2)").optional("f", "float").partition("identity(id)").build();

  private static TableModel apply(int step, Change... changes) {
    return Replay.apply(step == 0 ? TableModel.empty(T.name()) : T, Step.of("db.t", step, changes), STRICT);
  }

  private static void assertRefused(int step, String message, Change... changes) {
    assertThatThrownBy(() -> apply(step, changes)).isInstanceOf(StepException.class)
        .hasMessage("db.t step " + step + ": " + message);
  }

  @Test
  void partitionColumnsAreFixedAfterStepZero() {
    assertThat(apply(0, Change.AddColumn.of("", "id", "long", true, null, null, false),
        Change.AddPartitionField.of("id", "identity", null)).partitioning()).hasSize(1);
    assertRefused(1, "Cannot add partition field identity(n): strict fixes a table's partition columns when it is "
        + "created (step 0); to partition differently, create a new table", Change.AddPartitionField.of("n",
        "identity", null));
    assertRefused(1, "Cannot drop partition field identity(id): strict fixes a table's partition columns when it "
        + "is created (step 0); to partition differently, create a new table",
        new Change.DropPartitionField("identity(id)"));
    assertThat(Replay.apply(T, Step.of("db.t", 1, Change.AddPartitionField.of("n", "identity", null)),
        FormatRules.ICEBERG).partitioning()).as("Iceberg evolves partitioning").hasSize(2);
  }

  @Test
  void onlyTheFormatsTransforms() {
    assertRefused(0, "Invalid partition field day(ts): strict has no day transform (it has identity)",
        Change.AddColumn.of("", "ts", "timestamptz", false, null, null, false),
        Change.AddPartitionField.of("ts", "day", null));
  }

  @Test
  void noSortOrderOrIdentifierColumns() {
    assertRefused(1, "Cannot set sort order: strict tables have no sort order (remove @SetSortOrder)",
        Change.SetSortOrder.of("id"));
    assertRefused(1, "Cannot set identifier columns: strict tables have no identifier columns "
        + "(remove @SetIdentifierColumns)", new Change.SetIdentifierColumns(List.of("id")));
  }

  @Test
  void theFormatsPromotions() {
    assertThat(apply(1, Change.UpdateColumnType.of("n", "long")).find("n").orElseThrow().type()).hasToString("long");
    assertThat(apply(1, Change.UpdateColumnType.of("d", "decimal(12, 4)")).find("d").orElseThrow().type())
        .as("scale may grow here, not in Iceberg").hasToString("decimal(12, 4)");
    assertThatThrownBy(() -> Replay.apply(T, Step.of("db.t", 1, Change.UpdateColumnType.of("d", "decimal(12, 4)")),
        FormatRules.ICEBERG)).hasMessageContaining("iceberg allows");
    assertRefused(1, "Cannot change column type: f: float -> double (strict allows int -> long, decimal(P, S) -> "
        + "decimal(P2, S2) with S2 >= S and P2 - S2 >= P - S; for another type, add a new column and drop this one)",
        Change.UpdateColumnType.of("f", "double"));
    TableModel wider = TableModel.builder("db.t").required("id", "long").optional("n", "int")
        .optional("d", "decimal(9, 2)").optional("f", "double").partition("identity(id)").build();
    assertThat(Diff.between(T, wider, STRICT)).as("a type the format cannot promote is replaced")
        .containsExactly(new Change.DropColumn("f"), Change.AddColumn.of("", "f", "double", false, null, null, false));
  }

  @Test
  void reservedProperties() {
    assertRefused(1, "Cannot set property strict.mode: keys starting with 'strict.' are reserved by strict",
        new Change.SetProperty("strict.mode", "x"));
    assertThat(STRICT.problems(TableModel.builder("db.t").required("id", "long").property("strict.x", "1").build()))
        .containsExactly("Invalid property: strict.x (keys starting with 'strict.' are reserved by strict)");
  }

  @Test
  void knownFormats() {
    assertThat(FormatRules.of("ICEBERG")).contains(FormatRules.ICEBERG);
    assertThat(FormatRules.of("parquet")).isEmpty();
    assertThat(FormatRules.knownFormats()).containsExactly("delta", "iceberg");
  }

  private static TableModel deltaApply(TableModel model, int step, Change... changes) {
    return Replay.apply(model, Step.of("db.t", step, changes), FormatRules.DELTA);
  }

  private static final TableModel DELTA_T = TableModel.builder("db.t").required("id", "long").optional("n", "int")
      .optional("region", "string").optional("d", "date").partition("identity(region)").build();

  private static void assertDeltaRefuses(String message, Change... changes) {
    assertThatThrownBy(() -> deltaApply(DELTA_T, 1, changes)).isInstanceOf(StepException.class)
        .hasMessage("db.t step 1: " + message);
  }

  @Test
  void deltaRules() {
    assertDeltaRefuses("Cannot add column: x: delta adds columns to an existing table only as optional, with no "
        + "required field inside; add it as optional (required = false, no 'not null')",
        Change.AddColumn.of("", "x", "string", true, null, null, false));
    assertDeltaRefuses("Cannot add column: s: delta adds columns to an existing table only as optional, with no "
        + "required field inside; add it as optional (required = false, no 'not null')",
        Change.AddColumn.of("", "s", "struct<a: int not null>", false, null, null, false));
    assertDeltaRefuses("Cannot require column: n: delta cannot make a column of an existing table required; "
        + "declare it required when the table is created (step 0), or keep it optional", new Change.RequireColumn("n"));
    assertDeltaRefuses("Cannot rename column: region: it is a partition column, and delta fixes partition columns "
        + "when the table is created", new Change.RenameColumn("region", "area"));
    assertDeltaRefuses("Cannot drop column: region: it is a partition column, and delta fixes partition columns "
        + "when the table is created", new Change.DropColumn("region"));
    assertDeltaRefuses("Cannot remove property delta.appendOnly: delta keeps 'delta.' properties once they are set; "
        + "set it to another value instead", new Change.RemoveProperty("delta.appendOnly"));
    assertDeltaRefuses("Cannot set property delta.columnMapping.mode: keys starting with 'delta.columnMapping.' are "
        + "reserved by delta", new Change.SetProperty("delta.columnMapping.mode", "id"));
    assertDeltaRefuses("Cannot add partition field identity(n): delta fixes a table's partition columns when it is "
        + "created (step 0); to partition differently, create a new table",
        Change.AddPartitionField.of("n", "identity", null));
    assertDeltaRefuses("Cannot drop partition field identity(region): delta fixes a table's partition columns when "
        + "it is created (step 0); to partition differently, create a new table",
        new Change.DropPartitionField("identity(region)"));
    assertDeltaRefuses("Cannot set sort order: delta tables have no sort order (remove @SetSortOrder)",
        Change.SetSortOrder.of("id"));
    assertDeltaRefuses("Cannot set identifier columns: delta tables have no identifier columns "
        + "(remove @SetIdentifierColumns)", new Change.SetIdentifierColumns(List.of("id")));
    assertDeltaRefuses("Cannot change column type: region: it is a partition column, and delta fixes partition "
        + "columns when the table is created", Change.UpdateColumnType.of("n", "long"),
        Change.UpdateColumnType.of("region", "string"));
    assertDeltaRefuses("Invalid column u: delta has no uuid type (it has binary, boolean, date, decimal, double, "
        + "float, int, long, string, timestamp, timestamptz)",
        Change.AddColumn.of("", "u", "uuid", false, null, null, false));
    assertThat(deltaApply(DELTA_T, 1, Change.UpdateColumnType.of("n", "double"), Change.UpdateColumnType.of("d",
        "timestamp")).struct()).hasToString("struct<id: long not null, n: double, region: string, d: timestamp>");
    assertThat(deltaApply(DELTA_T, 1, Change.AddColumn.of("", "x", "struct<a: int>", false, null, null, false),
        new Change.SetProperty("delta.appendOnly", "true")).find("x")).isPresent();
    assertThat(deltaApply(TableModel.empty(DELTA_T.name()), 0, Change.AddColumn.of("", "id", "long", true, null, null,
        false)).find("id").orElseThrow().required()).as("step 0 creates required columns").isTrue();
  }
}
