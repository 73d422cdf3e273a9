package dev.lake.core.change;

import static dev.lake.core.change.ChangesTest.changesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.model.Column;
import dev.lake.core.model.PrimitiveType;
import dev.lake.core.model.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepTest {
  private static final TableName EVENTS = TableName.parse("analytics.events");

  @Test
  void changesApplyInTheCanonicalGroupOrder() {
    List<Change> changes = changesOf(Fixtures.EveryOperation.class);
    List<Change.Group> groups = Step.of(TableName.parse("db.t"), 1, changes).changes().stream()
        .map(Change::group).toList();
    assertThat(groups).isSortedAccordingTo(Enum::compareTo);
    assertThat(groups).containsExactly(Change.Group.DROP_PARTITION_FIELD, Change.Group.DROP_COLUMN,
        Change.Group.RENAME_COLUMN, Change.Group.UPDATE_COLUMN, Change.Group.UPDATE_COLUMN,
        Change.Group.UPDATE_COLUMN, Change.Group.UPDATE_COLUMN, Change.Group.ADD_COLUMN, Change.Group.MOVE_COLUMN,
        Change.Group.ADD_PARTITION_FIELD, Change.Group.SORT_ORDER, Change.Group.IDENTIFIER_COLUMNS,
        Change.Group.REMOVE_PROPERTY, Change.Group.SET_PROPERTY);
  }

  @Test
  void theOrderChangesAreWrittenInNeverMatters() {
    List<Change> changes = changesOf(Fixtures.EveryOperation.class);
    Step step = Step.of(TableName.parse("db.t"), 1, changes);
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      List<Change> shuffled = new ArrayList<>(changes);
      Collections.shuffle(shuffled, random);
      assertThat(Step.of(TableName.parse("db.t"), 1, shuffled)).isEqualTo(step);
    }
  }

  @Test
  void addedColumnsFollowWhatTheyDependOn() {
    Change parent = new Change.AddColumn("", Column.optional("z", PrimitiveType.STRING), Position.after("y"));
    Change child = new Change.AddColumn("z", Column.optional("a", PrimitiveType.INT), Position.LAST);
    Change anchor = new Change.AddColumn("", Column.optional("y", PrimitiveType.INT), Position.LAST);
    Change nested = new Change.AddColumn("", Column.optional("b", PrimitiveType.INT), Position.after("z"));
    assertThat(Step.of(EVENTS, 1, List.of(nested, child, parent, anchor)).changes())
        .containsExactly(anchor, parent, nested, child);
  }

  @Test
  void addsApplyInTheOrderTheyAreWritten() {
    Change id = Change.AddColumn.of("", "id", "long", true, null, null, false);
    Change email = Change.AddColumn.of("", "email", "string", false, null, null, false);
    Change address = Change.AddColumn.of("", "address", "struct<city: string>", false, null, null, false);
    Change zip = Change.AddColumn.of("address", "zip", "string", false, null, null, false);
    Step written = Step.of(EVENTS, 0, List.of(id, zip, email, address));
    assertThat(written.changes()).as("a nested add waits for its parent; the rest keep their places")
        .containsExactly(id, email, address, zip);
    assertThat(dev.lake.core.replay.Replay.apply(dev.lake.core.model.TableModel.empty(EVENTS), written,
        dev.lake.core.model.FormatRules.ICEBERG).columns()).extracting(Column::name)
        .containsExactly("id", "email", "address");
    Step swapped = Step.of(EVENTS, 0, List.of(email, id, address, zip));
    assertThat(swapped.checksum()).as("the checksum covers the order of adds").isNotEqualTo(written.checksum());
    assertThat(written.checksum()).isEqualTo(FROZEN_WRITTEN_ORDER_CHECKSUM);
  }

  /** Pins the checksum of adds in written order (not sorted by name), computed when the order took effect. */
  private static final String FROZEN_WRITTEN_ORDER_CHECKSUM = "1df667b0431c0e1f";

  @Test
  void renamesApplyDeepestFirst() {
    Change outer = new Change.RenameColumn("device", "dev");
    Change inner = new Change.RenameColumn("device.os", "os_name");
    assertThat(Step.of(EVENTS, 1, List.of(outer, inner)).changes()).containsExactly(inner, outer);
  }

  @Test
  void contradictingChangesAreRejected() {
    assertContradiction(new Change.RenameColumn("a", "b"), new Change.RenameColumn("a", "c"),
        "'rename column a to b' and 'rename column a to c' (one step may change each thing once)");
    assertContradiction(new Change.RenameColumn("a", "c"), new Change.RenameColumn("b", "c"),
        "'rename column a to c' and 'rename column b to c' (one step may change each thing once)");
    assertContradiction(new Change.MakeOptional("a"), new Change.RequireColumn("a"),
        "'alter column a drop not null' and 'alter column a set not null' (one step may change each thing once)");
    assertContradiction(Change.UpdateColumnType.of("a", "long"), Change.UpdateColumnType.of("a", "double"),
        "'alter column a type long' and 'alter column a type double' (one step may change each thing once)");
    assertContradiction(new Change.SetProperty("k", "1"), new Change.RemoveProperty("k"),
        "'set property 'k' = '1'' and 'remove property 'k'' (one step may change each thing once)");
    assertContradiction(Change.SetSortOrder.of("a"), Change.SetSortOrder.of("b"),
        "'set sort order a asc nulls first' and 'set sort order b asc nulls first' (one step may change each thing once)");
    assertContradiction(Change.AddColumn.of("", "a", "int", false, "", "", false),
        Change.AddColumn.of("", "a", "long", false, "", "", false),
        "'add column a int' and 'add column a long' (one step may change each thing once)");
    assertThatThrownBy(() -> Step.of(EVENTS, 1, List.of(new Change.RenameColumn("a", "b"),
        new Change.RenameColumn("b", "c"))))
        .hasMessage("analytics.events step 1: Contradicting changes: 'rename column a to b' and 'rename column b to "
            + "c' (a rename to a name that another rename frees needs two steps)");
    assertThatThrownBy(() -> Step.of(EVENTS, 1, List.of(new Change.DropColumn("a"), new Change.DropColumn("a"))))
        .hasMessage("analytics.events step 1: The change 'drop column a' appears twice");
    assertThatThrownBy(() -> Step.of(EVENTS, 1, List.of(Change.MoveColumn.of("a", false, "b", ""),
        Change.MoveColumn.of("b", false, "a", ""))))
        .hasMessage("analytics.events step 1: Contradicting positions: a, b are placed relative to each other in a "
            + "cycle");
    assertThatThrownBy(() -> Step.of(EVENTS, -1, List.of()))
        .hasMessage("analytics.events step -1: Invalid step number: steps are numbered from 0");
  }

  private static void assertContradiction(Change first, Change second, String message) {
    assertThatThrownBy(() -> Step.of(EVENTS, 1, List.of(first, second)))
        .isInstanceOf(StepException.class)
        .hasMessage("analytics.events step 1: Contradicting changes: " + message);
  }

  @Test
  void checksumIgnoresOrderFormattingAndMetadata() {
    Step written = Step.of(EVENTS, 2, changesOf(Fixtures.V0002_AddDevice.class));
    Step reordered = Step.of(EVENTS, 2, changesOf(Fixtures.V0002_Reordered.class));
    assertThat(reordered.checksum()).isEqualTo(written.checksum());
    assertThat(written.checksum()).matches("[0-9a-f]{16}");
  }

  @Test
  void checksumFormatIsFrozen() {
    // Applied steps keep their checksums in table metadata: the canonical text and hash must never
    // change for existing operations. This value was computed when the format was introduced.
    assertThat(Step.of(EVENTS, 2, changesOf(Fixtures.V0002_AddDevice.class)).checksum())
        .isEqualTo("%s", FROZEN_DESIGN_EXAMPLE_CHECKSUM);
  }

  private static final String FROZEN_DESIGN_EXAMPLE_CHECKSUM = "a070fec5fe7608d8";

  @Test
  void checksumChangesWithEverySemanticEdit() {
    List<Change> base = changesOf(Fixtures.V0002_AddDevice.class);
    String checksum = Step.of(EVENTS, 2, base).checksum();
    List<List<Change>> edits = List.of(
        replace(base, 0, new Change.RenameColumn("ts", "event_ts")),
        replace(base, 1, Change.AddColumn.of("", "device", "struct<os: string, model: string>", false,
            "client device", "", false)),
        replace(base, 1, Change.AddColumn.of("", "device", "struct<os: string not null, model: string>", false,
            "client's device", "", false)),
        replace(base, 1, Change.AddColumn.of("", "device", "struct<os: string not null, model: string>", false,
            "client device", "", true)),
        replace(base, 2, Change.AddColumn.of("device", "locale", "string", true, "", "", false)),
        replace(base, 3, Change.AddPartitionField.of("event_time", "hour", "")),
        replace(base, 3, Change.AddPartitionField.of("event_time", "day", "event_day")),
        replace(base, 4, new Change.SetProperty("write.parquet.compression-codec", "snappy")),
        base.subList(0, 4));
    for (List<Change> edit : edits) {
      assertThat(Step.of(EVENTS, 2, edit).checksum()).as("%s", edit).isNotEqualTo(checksum);
    }
    assertThat(Step.of(EVENTS, 3, base).checksum()).isNotEqualTo(checksum);
    assertThat(Step.of(TableName.parse("analytics.other"), 2, base).checksum()).isNotEqualTo(checksum);
  }

  private static List<Change> replace(List<Change> changes, int index, Change replacement) {
    List<Change> copy = new ArrayList<>(changes);
    copy.set(index, replacement);
    return copy;
  }

  @Test
  void lintClassifiesEveryChange() {
    for (Change change : changesOf(Fixtures.EveryOperation.class)) {
      Lint.Risk expected = switch (change.group()) {
        case DROP_COLUMN -> Lint.Risk.DESTRUCTIVE;
        case DROP_PARTITION_FIELD, IDENTIFIER_COLUMNS -> Lint.Risk.NEEDS_CARE;
        default -> change instanceof Change.RequireColumn ? Lint.Risk.NEEDS_CARE : Lint.Risk.SAFE;
      };
      assertThat(Lint.classify(change)).as("%s", change).isEqualTo(expected);
    }
    assertThat(Lint.classify(changesOf(Fixtures.EveryOperation.class))).isEqualTo(Lint.Risk.DESTRUCTIVE);
    assertThat(Lint.classify(changesOf(Fixtures.V0002_AddDevice.class))).isEqualTo(Lint.Risk.SAFE);
    assertThat(Lint.classify(List.of(new Change.RequireColumn("a")))).isEqualTo(Lint.Risk.NEEDS_CARE);
    assertThat(Step.of(EVENTS, 1, List.of(new Change.DropColumn("a"))).isDestructive()).isTrue();
    assertThat(Step.of(EVENTS, 1, List.of(new Change.RequireColumn("a"))).isDestructive()).isFalse();
  }
}
