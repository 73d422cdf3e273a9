package dev.lake.core.replay;

import static dev.lake.core.model.FormatRules.ICEBERG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.change.Change;
import dev.lake.core.change.Position;
import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.model.Column;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.SortField;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

  /** analytics.events at step 1. */
  private static final TableModel EVENTS = TableModel.builder("analytics.events")
      .required("id", "long")
      .optional("ts", "timestamptz")
      .optional("count", "int")
      .optional("name", "string")
      .column(new Column("device", Type.parse("struct<os: string not null, model: string>"), false, "client device"))
      .optional("tags", "list<string>")
      .optional("points", "list<struct<x: double not null>>")
      .optional("attrs", "map<string, struct<v: int>>")
      .partition("day(ts)")
      .sort("ts desc")
      .identifier("id")
      .property("write.format.default", "parquet")
      .build();

  private static TableModel apply(Change... changes) {
    return Replay.apply(EVENTS, Step.of("analytics.events", 1, changes), ICEBERG);
  }

  private static void assertFails(String message, Change... changes) {
    assertThatThrownBy(() -> apply(changes))
        .isInstanceOfSatisfying(StepException.class, e -> {
          assertThat(e.table()).hasToString("analytics.events");
          assertThat(e.step()).isEqualTo(1);
        })
        .hasMessage("analytics.events step 1: " + message);
  }

  private static List<String> names(TableModel model, String parent) {
    return model.fieldsOf(parent).orElseThrow().stream().map(Column::name).toList();
  }

  @Test
  void theDesignExampleStep() {
    TableModel result = apply(
        new Change.RenameColumn("ts", "event_time"),
        Change.AddColumn.of("", "device2", "struct<os: string not null, model: string>", false, "client device", "",
            false),
        Change.AddColumn.of("device2", "locale", "string", false, "", "", false),
        Change.AddPartitionField.of("event_time", "bucket[4]", ""),
        new Change.SetProperty("write.parquet.compression-codec", "zstd"));
    assertThat(result.find("device2.locale")).isPresent();
    assertThat(result.find("ts")).isEmpty();
    assertThat(result.partitioning()).containsExactly(PartitionField.parse("bucket[4](event_time)"),
        PartitionField.parse("day(event_time)"));
    assertThat(result.sortOrder()).containsExactly(SortField.desc("event_time"));
    assertThat(result.properties()).containsEntry("write.parquet.compression-codec", "zstd");
  }

  @Test
  void addColumnsAnywhere() {
    TableModel result = apply(
        Change.AddColumn.of("", "first", "int", false, "", "", true),
        Change.AddColumn.of("", "after_id", "int", false, "", "id", false),
        Change.AddColumn.of("", "last", "int", true, "the end", "", false),
        Change.AddColumn.of("device", "locale", "string", false, "", "os", false),
        Change.AddColumn.of("points", "y", "double", false, "", "", false),
        Change.AddColumn.of("attrs.value", "w", "long", false, "", "", false));
    assertThat(names(result, "")).containsExactly("first", "id", "after_id", "ts", "count", "name", "device", "tags",
        "points", "attrs", "last");
    assertThat(result.find("last").get().field()).isEqualTo(new Column("last", Type.parse("int"), true, "the end"));
    assertThat(names(result, "device")).containsExactly("os", "locale", "model");
    assertThat(result.find("points.element.y")).isPresent();
    assertThat(result.find("attrs.value.w")).isPresent();
  }

  @Test
  void addColumnRules() {
    assertFails("Cannot add column: id already exists", Change.AddColumn.of("", "id", "int", false, "", "", false));
    assertFails("Cannot add column: nope.x: no parent column nope",
        Change.AddColumn.of("nope", "x", "int", false, "", "", false));
    assertFails("Cannot add column: tags.x: its parent tags is list<string>, not a struct",
        Change.AddColumn.of("tags", "x", "int", false, "", "", false));
    assertFails("Cannot add column: x after nope: no sibling column nope",
        Change.AddColumn.of("", "x", "int", false, "", "nope", false));
  }

  @Test
  void dropColumns() {
    TableModel result = apply(new Change.DropColumn("name"), new Change.DropColumn("device.model"));
    assertThat(names(result, "")).doesNotContain("name");
    assertThat(names(result, "device")).containsExactly("os");
  }

  @Test
  void dropColumnRules() {
    assertFails("Cannot drop column: nope: no such column (the table has id, ts, count, name, device, tags, points, "
        + "attrs)", new Change.DropColumn("nope"));
    assertFails("Cannot drop column: device.nope: no such column (device has os, model)",
        new Change.DropColumn("device.nope"));
    assertFails("Cannot drop column: tags.element: list elements, map keys and map values cannot be changed this way "
        + "(drop or change the column that holds it)", new Change.DropColumn("tags.element"));
    assertFails("Cannot drop column: ts: partition field day(ts) uses it; drop the partition field in the same step "
        + "(@DropPartitionField(\"day(ts)\"))", new Change.DropColumn("ts"), Change.SetSortOrder.of());
    assertFails("Cannot drop column: ts: the sort order uses it; change the sort order in the same step "
        + "(@SetSortOrder)", new Change.DropColumn("ts"), new Change.DropPartitionField("ts_day"));
    assertFails("Cannot drop column: id: it is an identifier column; change the identifier columns in the same step "
        + "(@SetIdentifierColumns)", new Change.DropColumn("id"));
    TableModel result = apply(new Change.DropColumn("ts"), new Change.DropPartitionField("day(ts)"),
        Change.SetSortOrder.of("id"));
    assertThat(result.partitioning()).isEmpty();
    assertThat(result.sortOrder()).containsExactly(SortField.asc("id"));
  }

  @Test
  void replaceAColumnByOneOfAnotherTypeInOneStep() {
    TableModel result = apply(new Change.DropColumn("name"), Change.AddColumn.of("", "name", "long", false, "", "",
        false));
    assertThat(result.find("name").get().type()).hasToString("long");
    assertThat(names(result, "").get(names(result, "").size() - 1)).isEqualTo("name");
  }

  @Test
  void renamesCarryPartitionSortAndIdentifierReferences() {
    TableModel result = apply(new Change.RenameColumn("ts", "event_time"), new Change.RenameColumn("id", "event_id"),
        new Change.RenameColumn("device.os", "os_name"), new Change.RenameColumn("device", "dev"));
    assertThat(result.partitioning()).containsExactly(PartitionField.parse("day(event_time)"));
    assertThat(result.sortOrder()).containsExactly(SortField.desc("event_time"));
    assertThat(result.identifierColumns()).containsExactly("event_id");
    assertThat(names(result, "dev")).containsExactly("os_name", "model");
    assertThat(result.find("dev").get().field().doc()).isEqualTo("client device");
  }

  @Test
  void nestedReferencesFollowAParentRename() {
    TableModel model = TableModel.builder("analytics.events").required("s", "struct<k: long not null>")
        .partition("identity(s.k)").identifier("s.k").build();
    TableModel result = Replay.apply(model, Step.of("analytics.events", 1, new Change.RenameColumn("s", "t")), ICEBERG);
    assertThat(result.partitioning()).containsExactly(PartitionField.parse("identity(t.k)"));
    assertThat(result.identifierColumns()).containsExactly("t.k");
  }

  @Test
  void renameRules() {
    assertFails("Cannot rename column: count to name: a column name already exists",
        new Change.RenameColumn("count", "name"));
    assertFails("Cannot rename column: nope: no such column (the table has id, ts, count, name, device, tags, points, "
        + "attrs)", new Change.RenameColumn("nope", "x"));
    assertFails("Cannot rename column: attrs.value: list elements, map keys and map values cannot be changed this way "
        + "(their names are fixed)", new Change.RenameColumn("attrs.value", "v"));
  }

  @Test
  void promotionsOfNestedTypes() {
    TableModel model = TableModel.builder("analytics.events").optional("l", "list<int>")
        .optional("m", "map<string, float>").optional("s", "struct<d: decimal(9, 2)>").build();
    TableModel result = Replay.apply(model, Step.of("analytics.events", 1,
        Change.UpdateColumnType.of("l.element", "long"), Change.UpdateColumnType.of("m.value", "double"),
        Change.UpdateColumnType.of("s.d", "decimal(18, 2)")), ICEBERG);
    assertThat(result.struct()).hasToString("struct<l: list<long>, m: map<string, double>, s: struct<d: decimal(18, "
        + "2)>>");
  }

  @Test
  void typeUpdateRules() {
    assertFails("Cannot change column type: count: int -> string (iceberg allows int -> long, float -> double, "
        + "decimal(P, S) -> decimal(P2, S) with P2 > P; for another type, add a new column and drop this one)",
        Change.UpdateColumnType.of("count", "string"));
    assertFails("Cannot change column type: count already is int", Change.UpdateColumnType.of("count", "int"));
    assertFails("Cannot change column type: device: struct<os: string not null, model: string> -> string (only "
        + "primitive types can be promoted; change the fields inside it instead)",
        Change.UpdateColumnType.of("device", "string"));
    assertFails("Cannot change column type: attrs.key: map keys cannot change",
        Change.UpdateColumnType.of("attrs.key", "binary"));
  }

  @Test
  void optionalityAndDocs() {
    TableModel result = apply(new Change.MakeOptional("id"), new Change.SetIdentifierColumns(List.of()),
        new Change.RequireColumn("name"), new Change.RequireColumn("tags.element"),
        new Change.UpdateColumnDoc("device.os", "operating system"), new Change.UpdateColumnDoc("device", null));
    assertThat(result.find("id").get().required()).isFalse();
    assertThat(result.find("name").get().required()).isTrue();
    assertThat(result.find("tags").get().type()).hasToString("list<string not null>");
    assertThat(result.find("device.os").get().field().doc()).isEqualTo("operating system");
    assertThat(result.find("device").get().field().doc()).isNull();
  }

  @Test
  void optionalityAndDocRules() {
    assertFails("Cannot make column optional: name already is optional", new Change.MakeOptional("name"));
    assertFails("Cannot require column: id already is required", new Change.RequireColumn("id"));
    assertFails("Cannot make column optional: attrs.key: map keys are always required",
        new Change.MakeOptional("attrs.key"));
    assertFails("Cannot change column doc: device already has this doc",
        new Change.UpdateColumnDoc("device", "client device"));
    assertFails("Cannot change column doc: name already has no doc", new Change.UpdateColumnDoc("name", ""));
    assertFails("Cannot change column doc: tags.element: list elements, map keys and map values cannot be changed "
        + "this way (they have no doc)", new Change.UpdateColumnDoc("tags.element", "x"));
    assertFails("Invalid identifier column id: it is optional; an identifier column must be required",
        new Change.MakeOptional("id"));
  }

  @Test
  void moveColumns() {
    TableModel result = apply(Change.MoveColumn.of("name", true, "", ""), Change.MoveColumn.of("id", false, "attrs", ""),
        Change.MoveColumn.of("device.model", false, "", "os"));
    assertThat(names(result, "")).containsExactly("name", "ts", "count", "device", "tags", "points", "attrs", "id");
    assertThat(names(result, "device")).containsExactly("model", "os");
    assertFails("Cannot move column: name after nope: no sibling column nope",
        Change.MoveColumn.of("name", false, "nope", ""));
  }

  @Test
  void partitionFields() {
    TableModel result = apply(new Change.DropPartitionField("ts_day"), Change.AddPartitionField.of("ts", "hour", ""),
        Change.AddPartitionField.of("id", "bucket[16]", "shard"));
    assertThat(result.partitioning()).containsExactly(new PartitionField("id",
        dev.lake.core.model.Transform.bucket(16), "shard"), PartitionField.parse("hour(ts)"));
    assertFails("Cannot drop partition field month(ts): no such field (the table has day(ts))",
        new Change.DropPartitionField("month(ts)"));
    assertFails("Cannot add partition field day(ts): it already exists", Change.AddPartitionField.of("ts", "day", ""));
    assertFails("Invalid partition field bucket[4](device): device is a struct; a partition source must be a primitive "
        + "column", Change.AddPartitionField.of("device", "bucket[4]", ""));
    assertFails("Redundant partition fields: day(ts) and month(ts) (a column takes at most one of year, month, day and "
        + "hour)", Change.AddPartitionField.of("ts", "month", ""));
  }

  @Test
  void sortOrderIdentifiersAndProperties() {
    TableModel result = apply(Change.SetSortOrder.of("name desc nulls first", "id"),
        new Change.SetIdentifierColumns(List.of("id", "device.os")), new Change.RequireColumn("device"),
        new Change.RemoveProperty("write.format.default"), new Change.SetProperty("k", "v"));
    assertThat(result.sortOrder()).containsExactly(SortField.parse("name desc nulls first"), SortField.asc("id"));
    assertThat(result.identifierColumns()).containsExactly("device.os", "id");
    assertThat(result.properties()).containsExactly(java.util.Map.entry("k", "v"));
    assertThat(apply(Change.SetSortOrder.of()).sortOrder()).isEmpty();
    assertFails("Cannot remove property nope: it is not set", new Change.RemoveProperty("nope"));
    assertFails("Cannot set property write.format.default: it already is 'parquet'",
        new Change.SetProperty("write.format.default", "parquet"));
    assertFails("Invalid sort field tags asc nulls first: tags is a list; a sort column must be a primitive column",
        Change.SetSortOrder.of("tags"));
    assertFails("Invalid identifier column device.os: a struct that holds it is optional; its parents must be "
        + "required too", new Change.SetIdentifierColumns(List.of("id", "device.os")));
  }

  @Test
  void aFailedStepLeavesTheModelAsItWas() {
    String before = EVENTS.toString();
    assertThatThrownBy(() -> apply(new Change.DropColumn("name"), Change.UpdateColumnType.of("count", "string")))
        .isInstanceOf(StepException.class);
    assertThat(EVENTS.toString()).isEqualTo(before);
    assertThat(EVENTS.find("name")).isPresent();
  }

  @Test
  void aStepOfAnotherTableIsRefused() {
    assertThatThrownBy(() -> Replay.apply(EVENTS, Step.of("analytics.other", 1, new Change.DropColumn("x")), ICEBERG))
        .hasMessage("Cannot apply a step of analytics.other to analytics.events");
  }

  @Test
  void positionsOfAddsAndMovesCombine() {
    TableModel result = apply(Change.AddColumn.of("", "a", "int", false, "", "", true),
        Change.MoveColumn.of("attrs", true, "", ""), new Change.MoveColumn("name", Position.after("a")));
    assertThat(names(result, "").subList(0, 3)).containsExactly("attrs", "a", "name");
  }
}
