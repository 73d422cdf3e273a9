package dev.lake.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.RandomModels;
import dev.lake.core.model.Column;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.Transform;
import dev.lake.core.model.Type;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  private static final TableModel EVENTS = TableModel.builder("analytics.events")
      .required("id", "long")
      .column(new Column("ts", Type.parse("timestamptz"), false, "event time, \"UTC\"\nsecond line"))
      .optional("device", "struct<os: string not null comment 'it''s', model: string>".replace("''", "\\'"))
      .partition("day(ts)")
      .partition(new PartitionField("id", Transform.bucket(16), "shard"))
      .sort("ts desc")
      .identifier("id")
      .property("write.format.default", "parquet")
      .property("comment", "events")
      .build();

  private static final String EVENTS_JSON = """
      {
        "format": 1,
        "table": "analytics.events",
        "columns": [
          {
            "name": "id",
            "type": "long",
            "required": true
          },
          {
            "name": "ts",
            "type": "timestamptz",
            "required": false,
            "doc": "event time, \\"UTC\\"\\nsecond line"
          },
          {
            "name": "device",
            "type": "struct<os: string not null comment 'it\\\\'s', model: string>",
            "required": false
          }
        ],
        "partitioning": [
          {
            "source": "id",
            "transform": "bucket[16]",
            "name": "shard"
          },
          {
            "source": "ts",
            "transform": "day"
          }
        ],
        "sortOrder": [
          {
            "column": "ts",
            "direction": "desc",
            "nulls": "last"
          }
        ],
        "identifierColumns": [
          "id"
        ],
        "properties": {
          "comment": "events",
          "write.format.default": "parquet"
        }
      }
      """;

  @Test
  void writesTheCanonicalForm() {
    assertThat(ModelJson.write(EVENTS)).isEqualTo(EVENTS_JSON);
    assertThat(ModelJson.read(EVENTS_JSON)).isEqualTo(EVENTS);
  }

  @Test
  void emptyCollectionsAreCompact() {
    TableModel model = TableModel.builder("db.t").optional("a", "int").build();
    assertThat(ModelJson.write(model)).contains("\"partitioning\": [],\n").contains("\"properties\": {}\n");
  }

  @Test
  void randomModelsRoundTripToTheSameBytes() {
    for (int seed = 0; seed < 1_000; seed++) {
      TableModel model = new RandomModels(seed).model();
      String json = ModelJson.write(model);
      TableModel read = ModelJson.read(json);
      assertThat(read).as("seed %s", seed).isEqualTo(model);
      assertThat(ModelJson.write(read)).isEqualTo(json);
    }
  }

  @Test
  void sameModelSameBytesWhateverTheBuildOrder() {
    TableModel other = TableModel.builder("analytics.events")
        .column(EVENTS.columns().get(0)).column(EVENTS.columns().get(1)).column(EVENTS.columns().get(2))
        .partition(new PartitionField("id", Transform.bucket(16), "shard")).partition("day(ts)")
        .sort("ts desc").identifier("id").property("comment", "events").property("write.format.default", "parquet")
        .build();
    assertThat(ModelJson.write(other)).isEqualTo(EVENTS_JSON);
  }

  @Test
  void badInputSaysWhatIsWrong() {
    assertThatThrownBy(() -> ModelJson.read("{\"format\": 1,"))
        .hasMessageStartingWith("Invalid table model JSON: Unexpected end-of-input");
    assertThatThrownBy(() -> ModelJson.read(EVENTS_JSON.replace("\"format\": 1", "\"format\": 2")))
        .hasMessage("Unsupported table model format: 2 (this version of Lake reads format 1)");
    assertThatThrownBy(() -> ModelJson.read(EVENTS_JSON.replace("\"required\": true", "\"required\": true, \"x\": 1")))
        .hasMessage("Invalid table model JSON: column 0 has an unknown field 'x'");
    assertThatThrownBy(() -> ModelJson.read(EVENTS_JSON.replace("\"type\": \"long\"", "\"type\": \"lng\"")))
        .hasMessageStartingWith("Invalid table model JSON: column 0: Cannot parse type 'lng': unknown type 'lng'");
    assertThatThrownBy(() -> ModelJson.read(EVENTS_JSON.replace("\"required\": true", "\"required\": \"yes\"")))
        .hasMessage("Invalid table model JSON: 'required' of column 0 must be true or false");
    assertThatThrownBy(() -> ModelJson.read(EVENTS_JSON.replace("\"transform\": \"day\"", "\"transform\": \"daily\"")))
        .hasMessageStartingWith("Invalid table model JSON: partition field 1: Invalid transform: 'daily'");
    assertThatThrownBy(() -> ModelJson.read(EVENTS_JSON.replace("\"direction\": \"desc\"", "\"direction\": \"down\"")))
        .hasMessageStartingWith("Invalid table model JSON: sort field 0: No enum constant");
    assertThatThrownBy(() -> ModelJson.read(EVENTS_JSON.replace("  \"table\": \"analytics.events\",\n", "")))
        .hasMessage("Invalid table model JSON: the model has no 'table'");
    assertThatThrownBy(() -> ModelJson.read("[]")).hasMessage("Invalid table model JSON: the model must be an object");
  }
}
