package dev.lake.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.model.Column;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.PrimitiveType;
import dev.lake.core.model.SortField;
import dev.lake.core.model.Transform;
import dev.lake.core.model.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangesTest {

  static List<Change> changesOf(Class<?> migration) {
    return Changes.of(migration.getAnnotations());
  }

  @Test
  void readsEveryOperationFromAnnotations() {
    assertThat(changesOf(Fixtures.EveryOperation.class)).containsExactlyInAnyOrder(
        new Change.AddColumn("s", new Column("n", PrimitiveType.INT, true, "d"), Position.after("a")),
        new Change.DropColumn("gone"),
        new Change.RenameColumn("a", "b"),
        new Change.UpdateColumnType("count", PrimitiveType.LONG),
        new Change.MakeOptional("x"),
        new Change.RequireColumn("y"),
        new Change.UpdateColumnDoc("z", null),
        new Change.MoveColumn("s.a", Position.before("c")),
        new Change.AddPartitionField(new PartitionField("id", Transform.bucket(16), "shard")),
        new Change.DropPartitionField("day(ts)"),
        new Change.SetSortOrder(List.of(SortField.desc("ts"), SortField.asc("id"))),
        new Change.SetIdentifierColumns(List.of("b", "id")),
        new Change.RemoveProperty("old"),
        new Change.SetProperty("k", "v"));
  }

  @Test
  void readsTheDesignExampleWithRepeatedAnnotations() {
    assertThat(changesOf(Fixtures.V0002_AddDevice.class)).containsExactlyInAnyOrder(
        new Change.RenameColumn("ts", "event_time"),
        new Change.AddColumn("", new Column("device", Type.parse("struct<os: string not null, model: string>"), false,
            "client device"), Position.LAST),
        new Change.AddColumn("device", Column.optional("locale", PrimitiveType.STRING), Position.LAST),
        new Change.AddPartitionField(PartitionField.of("event_time", Transform.DAY)),
        new Change.SetProperty("write.parquet.compression-codec", "zstd"));
  }

  @Test
  void invalidValuesNameTheAnnotationAndTheProblem() {
    assertThatThrownBy(() -> changesOf(Fixtures.BadType.class))
        .hasMessage("Invalid @AddColumn: Cannot parse type 'strin': unknown type 'strin'; expected one of boolean, "
            + "int, long, float, double, decimal(P, S), date, time, timestamp, timestamptz, timestamp_ns, "
            + "timestamptz_ns, string, uuid, fixed[N], binary, struct<...>, list<...>, map<...> at position 0");
    assertThatThrownBy(() -> changesOf(Fixtures.TwoPositions.class))
        .hasMessage("Invalid @MoveColumn: Invalid position: set only one of first, after and before");
    assertThatThrownBy(() -> changesOf(Fixtures.ReservedProperty.class))
        .hasMessage("Invalid @SetProperty: Invalid property: lake.migration.step (keys starting with 'lake.' are "
            + "reserved for Lake's migration state)");
  }

  @Test
  void valueChecks() {
    assertThatThrownBy(() -> new Change.RenameColumn("a.b", "x.y"))
        .hasMessage("Invalid rename of a.b to x.y: a rename keeps the column in its parent; give the new leaf name");
    assertThat(new Change.RenameColumn("a.b", "a.c").newName()).isEqualTo("c");
    assertThatThrownBy(() -> new Change.RenameColumn("a", "a")).hasMessageContaining("the new name is the same");
    assertThatThrownBy(() -> Change.UpdateColumnType.of("a", "struct<x: int>"))
        .hasMessageContaining("only primitive types can be promoted");
    assertThatThrownBy(() -> Change.AddColumn.of("", "a", "int", false, "", "a", false))
        .hasMessageContaining("cannot be placed after itself");
    assertThatThrownBy(() -> Change.MoveColumn.of("a", false, "", "")).hasMessageContaining("say where it goes");
    assertThatThrownBy(() -> Change.MoveColumn.of("s.a", false, "t.b", ""))
        .hasMessageContaining("t.b is not a sibling");
    assertThatThrownBy(() -> new Change.DropColumn("a..b")).hasMessage("Invalid column path: a..b (empty part)");
    assertThatThrownBy(() -> new Change.DropColumn(".a")).hasMessage("Invalid column path: .a (empty part)");
    assertThatThrownBy(() -> new Change.DropColumn(" a. ")).hasMessage("Invalid column path:  a.  (empty part)");
    assertThatThrownBy(() -> new Change.DropColumn(".")).hasMessage("Invalid column path: . (empty part)");
    assertThat(new Change.DropColumn(" a.b ").path()).isEqualTo("a.b");
    assertThat(new Change.DropPartitionField(" BUCKET[16]( id ) ").ref()).isEqualTo("bucket[16](id)");
  }

  @Test
  void describesChangesInDdlLikeWords() {
    assertThat(changesOf(Fixtures.EveryOperation.class).stream().map(Change::toString)).containsExactlyInAnyOrder(
        "add column s.n int not null comment 'd' after a",
        "drop column gone",
        "rename column a to b",
        "alter column count type long",
        "alter column x drop not null",
        "alter column y set not null",
        "alter column z drop comment",
        "move column s.a before c",
        "add partition field bucket[16](id) as shard",
        "drop partition field day(ts)",
        "set sort order ts desc nulls last, id asc nulls first",
        "set identifier columns b, id",
        "remove property 'old'",
        "set property 'k' = 'v'");
  }
}
