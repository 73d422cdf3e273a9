package dev.lake.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.model.Column;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.model.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LakeIndexTest {
  private static final TableName T = TableName.parse("db.t");

  @Test
  void theIndexRecordsEachTablesDrift() throws Exception {
    String text = LakeIndex.files(List.of(
        new LakeIndex.Entry(T, "iceberg", Optional.empty(), List.of("db.V0"), "here", true,
            Optional.of("Table db.t has drifted")),
        new LakeIndex.Entry(TableName.parse("db.u"), "iceberg", Optional.empty(), List.of(), "here")))
        .get(LakeIndex.RESOURCE);

    assertThat(LakeIndex.drift(text)).isPresent();
    List<LakeIndex.Entry> entries = LakeIndex.parse(text, "here");
    assertThat(entries.get(0).drift()).contains("Table db.t has drifted");
    assertThat(entries.get(1).drift()).isEmpty();
  }

  @Test
  void theDriftVerdictsReadAloneAreTheEntries() throws Exception {
    TableModel model = TableModel.builder(T).column(new Column("id", Type.parse("long"), true, "the \"id\""))
        .property("k", "v").build();
    String text = LakeIndex.files(List.of(
        new LakeIndex.Entry(T, "iceberg", Optional.of(model), List.of("db.V0", "db.V1"), "here", true,
            Optional.of("Table db.t has drifted:\n  add column x")),
        new LakeIndex.Entry(TableName.parse("db.u"), "delta", Optional.of(model), List.of(), "here", false,
            Optional.of("Table db.u has drifted")),
        new LakeIndex.Entry(TableName.parse("db.v"), "iceberg", Optional.empty(), List.of(), "here")))
        .get(LakeIndex.RESOURCE);

    List<LakeIndex.Drift> verdicts = LakeIndex.drift(text).orElseThrow();

    assertThat(verdicts).isEqualTo(LakeIndex.parse(text, "here").stream()
        .map(e -> new LakeIndex.Drift(e.table(), e.enabled(), e.drift())).toList());
    assertThat(verdicts).extracting(LakeIndex.Drift::enabled).containsExactly(true, false, true);
    assertThat(verdicts.get(0).report()).contains("Table db.t has drifted:\n  add column x");
  }

  @Test
  void anIndexOfTheFirstFormatIsReadButRecordsNoDrift() throws Exception {
    String text = "{\"format\": 1, \"tables\": [{\"table\": \"db.t\", \"format\": \"iceberg\", \"migrations\": []}]}";
    assertThat(LakeIndex.drift(text)).isEmpty();
    assertThat(LakeIndex.parse(text, "old")).singleElement().satisfies(e -> assertThat(e.drift()).isEmpty());
  }
}
