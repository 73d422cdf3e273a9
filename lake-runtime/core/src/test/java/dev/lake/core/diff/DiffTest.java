package dev.lake.core.diff;

import static dev.lake.core.model.FormatRules.ICEBERG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.change.Change;
import dev.lake.core.change.Lint;
import dev.lake.core.change.Step;
import dev.lake.core.model.TableModel;
import dev.lake.core.replay.Replay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiffTest {

  private static TableModel.Builder table() {
    return TableModel.builder("analytics.events");
  }

  private static final TableModel HISTORY = table()
      .required("id", "long")
      .optional("ts", "timestamptz")
      .optional("count", "int")
      .optional("device", "struct<os: string not null, model: string>")
      .optional("tags", "list<int>")
      .optional("attrs", "map<string, float>")
      .partition("day(ts)")
      .identifier("id")
      .build();

  private static List<String> diff(TableModel desired, RenameHints hints) {
    List<Change> changes = Diff.between(HISTORY, desired, hints, ICEBERG);
    assertThat(Replay.apply(HISTORY, Step.of(HISTORY.name(), 1, changes), ICEBERG)).isEqualTo(desired);
    return changes.stream().map(Change::toString).toList();
  }

  private static List<String> diff(TableModel desired) {
    return diff(desired, RenameHints.none());
  }

  @Test
  void noDriftNoChanges() {
    assertThat(Diff.between(HISTORY, HISTORY, ICEBERG)).isEmpty();
  }

  @Test
  void stepZeroCreatesTheTable() {
    List<Change> changes = Diff.between(TableModel.empty(HISTORY.name()), HISTORY, ICEBERG);
    assertThat(changes.stream().map(Change::toString)).containsExactly(
        "add column id long not null",
        "add column ts timestamptz",
        "add column count int",
        "add column device struct<os: string not null, model: string>",
        "add column tags list<int>",
        "add column attrs map<string, float>",
        "add partition field day(ts)",
        "set identifier columns id");
    assertThat(Replay.apply(TableModel.empty(HISTORY.name()), Step.of(HISTORY.name(), 0, changes), ICEBERG))
        .isEqualTo(HISTORY);
  }

  @Test
  void addsAtTheEndNeedNoPosition() {
    assertThat(diff(table().column(HISTORY.columns().get(0)).required("ts", "timestamptz").build().withColumns(
        concat(HISTORY, "a_new: string", "b_new: int")).withPartitioning(HISTORY.partitioning())
        .withIdentifierColumns(HISTORY.identifierColumns())))
        .containsExactly("add column a_new string", "add column b_new int");
  }

  @Test
  void addsInTheMiddleArePlaced() {
    TableModel desired = HISTORY.withColumns(insert(HISTORY, 1, "inserted: string"));
    assertThat(diff(desired)).containsExactly("add column inserted string after id");
    TableModel first = HISTORY.withColumns(insert(HISTORY, 0, "first_col: string"));
    assertThat(diff(first)).containsExactly("add column first_col string first");
  }

  @Test
  void renamesComeOnlyFromHints() {
    TableModel renamed = HISTORY.withColumns(HISTORY.columns().stream()
        .map(c -> c.name().equals("ts") ? c.withName("event_time") : c).toList())
        .withPartitioning(List.of(dev.lake.core.model.PartitionField.parse("day(event_time)")));
    assertThat(diff(renamed)).as("without a hint: drop and add, never a guess").containsExactly(
        "drop partition field day(ts)", "drop column ts", "add column event_time timestamptz after id",
        "add partition field day(event_time)");
    assertThat(diff(renamed, RenameHints.builder().add("event_time", "ts").build()))
        .containsExactly("rename column ts to event_time");
  }

  @Test
  void hintsThatDoNotApplyAreIgnored() {
    RenameHints stale = RenameHints.builder().add("count", "cnt").add("ts", "timestamp").add("id", "ts").build();
    assertThat(Diff.between(HISTORY, HISTORY, stale, ICEBERG)).isEmpty();
  }

  @Test
  void ambiguousHintsAreErrors() {
    TableModel twoClaims = HISTORY.withColumns(concat(HISTORY, "c1: int", "c2: int"));
    assertThatThrownBy(() -> Diff.between(HISTORY.withColumns(concat(HISTORY, "old: int")), twoClaims,
        RenameHints.builder().add("c1", "old").add("c2", "old").build(), ICEBERG))
        .hasMessage("Ambiguous rename hint in analytics.events: c1 and c2 both claim the former name old; only one "
            + "column can be renamed from it");
    assertThatThrownBy(() -> Diff.between(HISTORY, HISTORY.withColumns(concat(HISTORY, "total: long")),
        RenameHints.builder().add("total", "count").build(), ICEBERG))
        .hasMessage("Ambiguous rename hint in analytics.events: total was formerly count, but count is still "
            + "declared; remove the hint, or rename or remove the other column");
    TableModel both = table().optional("a", "int").optional("b", "int").build();
    assertThatThrownBy(() -> Diff.between(both, table().optional("c", "int").build(),
        RenameHints.builder().add("c", "a", "b").build(), ICEBERG))
        .hasMessage("Ambiguous rename hint in analytics.events: c names a and b as former names, and the history has "
            + "all of them; keep only the one it was renamed from");
  }

  @Test
  void promotionsUpdateInPlaceAndOtherTypesAreReplaced() {
    TableModel promoted = HISTORY.withColumns(HISTORY.columns().stream().map(c -> switch (c.name()) {
      case "count" -> c.withType(dev.lake.core.model.PrimitiveType.LONG);
      case "tags" -> c.withType(dev.lake.core.model.Type.parse("list<long>"));
      case "attrs" -> c.withType(dev.lake.core.model.Type.parse("map<string, double>"));
      default -> c;
    }).toList());
    assertThat(diff(promoted)).containsExactly("alter column attrs.value type double", "alter column count type long",
        "alter column tags.element type long");
    TableModel retyped = HISTORY.withColumns(HISTORY.columns().stream()
        .map(c -> c.name().equals("count") ? c.withType(dev.lake.core.model.PrimitiveType.STRING) : c).toList());
    List<Change> changes = Diff.between(HISTORY, retyped, ICEBERG);
    assertThat(changes.stream().map(Change::toString)).containsExactly("drop column count",
        "add column count string after ts");
    assertThat(Lint.classify(changes)).isEqualTo(Lint.Risk.DESTRUCTIVE);
  }

  @Test
  void nestedChanges() {
    TableModel desired = HISTORY.withColumns(HISTORY.columns().stream().map(c -> switch (c.name()) {
      case "device" -> c.withType(dev.lake.core.model.Type.parse(
          "struct<os_name: string comment 'the OS', model: string not null, locale: string>"));
      case "tags" -> c.withType(dev.lake.core.model.Type.parse("list<int not null>"));
      default -> c;
    }).toList());
    assertThat(diff(desired, RenameHints.builder().add("device.os_name", "os").build())).containsExactly(
        "rename column device.os to os_name",
        "alter column device.os_name drop not null",
        "alter column device.model set not null",
        "alter column tags.element set not null",
        "alter column device.os_name comment 'the OS'",
        "add column device.locale string");
  }

  @Test
  void reorderingMovesAsFewColumnsAsPossible() {
    List<dev.lake.core.model.Column> columns = new java.util.ArrayList<>(HISTORY.columns());
    java.util.Collections.swap(columns, 1, 2);
    assertThat(diff(HISTORY.withColumns(columns))).containsExactly("move column ts after count");
    List<dev.lake.core.model.Column> reversed = new java.util.ArrayList<>(HISTORY.columns());
    java.util.Collections.reverse(reversed);
    assertThat(diff(HISTORY.withColumns(reversed))).hasSize(HISTORY.columns().size() - 1)
        .allMatch(change -> change.startsWith("move column "));
  }

  @Test
  void partitioningSortIdentifiersAndProperties() {
    TableModel desired = HISTORY.withPartitioning(List.of(dev.lake.core.model.PartitionField.parse("bucket[8](id)")))
        .withSortOrder(List.of(dev.lake.core.model.SortField.desc("ts")))
        .withIdentifierColumns(List.of())
        .withProperties(java.util.Map.of("write.format.default", "orc"));
    assertThat(diff(desired)).containsExactly("drop partition field day(ts)", "add partition field bucket[8](id)",
        "set sort order ts desc nulls last", "clear identifier columns", "set property 'write.format.default' = 'orc'");
    assertThat(Diff.between(desired, HISTORY, ICEBERG).stream().map(Change::toString)).contains(
        "remove property 'write.format.default'");
  }

  @Test
  void diffIsTheSmallestSetForSingleEdits() {
    assertThat(Diff.between(HISTORY, HISTORY.withProperties(java.util.Map.of("k", "v")), ICEBERG)).hasSize(1);
    assertThat(Set.copyOf(Diff.between(HISTORY, HISTORY.withColumns(concat(HISTORY, "x: int")), ICEBERG))).hasSize(1);
  }

  private static List<dev.lake.core.model.Column> concat(TableModel model, String... fields) {
    List<dev.lake.core.model.Column> columns = new java.util.ArrayList<>(model.columns());
    for (String field : fields) {
      columns.addAll(((dev.lake.core.model.StructType) dev.lake.core.model.Type.parse("struct<" + field + ">"))
          .fields());
    }
    return columns;
  }

  private static List<dev.lake.core.model.Column> insert(TableModel model, int index, String field) {
    List<dev.lake.core.model.Column> columns = new java.util.ArrayList<>(model.columns());
    columns.addAll(index, ((dev.lake.core.model.StructType) dev.lake.core.model.Type.parse("struct<" + field + ">"))
        .fields());
    return columns;
  }
}
