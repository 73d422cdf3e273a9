package dev.lake.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.model.TableName;
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

    assertThat(LakeIndex.recordsDrift(text)).isTrue();
    List<LakeIndex.Entry> entries = LakeIndex.parse(text, "here");
    assertThat(entries.get(0).drift()).contains("Table db.t has drifted");
    assertThat(entries.get(1).drift()).isEmpty();
  }

  @Test
  void anIndexOfTheFirstFormatIsReadButRecordsNoDrift() throws Exception {
    String text = "{\"format\": 1, \"tables\": [{\"table\": \"db.t\", \"format\": \"iceberg\", \"migrations\": []}]}";
    assertThat(LakeIndex.recordsDrift(text)).isFalse();
    assertThat(LakeIndex.parse(text, "old")).singleElement().satisfies(e -> assertThat(e.drift()).isEmpty());
  }
}
