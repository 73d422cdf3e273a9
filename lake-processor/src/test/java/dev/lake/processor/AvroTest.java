package dev.lake.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lake.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.lake.core.model.Column;
import dev.lake.core.model.DecimalType;
import dev.lake.core.model.FixedType;
import dev.lake.core.model.ListType;
import dev.lake.core.model.MapType;
import dev.lake.core.model.PrimitiveType;
import dev.lake.core.model.StructType;
import dev.lake.core.model.TableModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.apache.avro.Protocol;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlReader;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** Avro-backed declarations: the mapping, checked column by column against Iceberg's own conversion. */
class AvroTest {
  private static final Path CORPUS = corpus();

  /** Where Lake follows the Avro specification instead of Iceberg 1.12 (DESIGN 5, README). */
  private static final Map<String, String> DELIBERATE = Map.of(
      "created", "timestamp-millis: Iceberg timestamp, Lake timestamptz",
      "updated", "timestamp-micros: Iceberg timestamp, Lake timestamptz",
      "local_ms", "local-timestamp-millis: Iceberg long, Lake timestamp",
      "local_us", "local-timestamp-micros: Iceberg long, Lake timestamp",
      "event_time", "timestamp-millis: Iceberg timestamp, Lake timestamptz");

  private static Path corpus() {
    try {
      return Path.of(AvroTest.class.getResource("/avro-corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TableModel declare(String table, String record) throws IOException {
    JavaFileObject declaration = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"" + table + "\", avro = \"" + record + "\")", "interface T {}");
    Compilation compilation = Sources.compile(List.of("-Alake.avroDirectory=" + CORPUS), declaration);
    assertThat(compilation).succeeded();
    return DeclarationTest.indexedModel(compilation, table);
  }

  @Test
  void avscRecordWithEveryAvroType() throws IOException {
    TableModel model = declare("db.users", "com.acme.User");
    assertThat(model.struct().toString()).isEqualTo("struct<id: long not null comment 'user id', "
        + "active: boolean not null, age: int, score: float not null, rank: double not null, name: string not null, "
        + "avatar: binary, hash: fixed[16] not null, status: string not null, balance: decimal(12, 2) not null, "
        + "born: date not null, wakes: time not null, sleeps: time not null, created: timestamptz not null, "
        + "updated: timestamptz not null, seen_utc: timestamptz not null, seen_local: timestamp not null, "
        + "local_ms: timestamp not null, local_us: timestamp not null, key: uuid not null, "
        + "tags: list<string not null> not null, maybe_tags: list<string>, counts: map<string, long not null> not null, "
        + "address: struct<city: string not null, zip: string>, "
        + "homes: list<struct<city: string not null, zip: string> not null> not null>");
    Schema schema = new Schema.Parser().parse(CORPUS.resolve("user.avsc").toFile());
    assertAgreesWithIceberg(model, AvroSchemaUtil.toIceberg(schema).asStruct());
  }

  @Test
  void avdlRecordFromAProtocol() throws IOException {
    TableModel model = declare("analytics.events", "com.acme.events.Event");
    assertThat(model.struct().toString()).isEqualTo("struct<id: long not null comment 'event id', "
        + "event_time: timestamptz not null, kind: string not null, device: struct<os: string not null, model: string>, "
        + "tags: list<string not null> not null, attrs: map<string, long> not null, amount: decimal(9, 2), "
        + "day: date not null, session: uuid not null>");
    Schema schema = new IdlReader().parse(CORPUS.resolve("events.avdl")).getNamedSchema("com.acme.events.Event");
    assertAgreesWithIceberg(model, AvroSchemaUtil.toIceberg(schema).asStruct());
  }

  @Test
  void avprRecord() throws IOException {
    TableModel model = declare("sales.orders", "com.acme.orders.Order");
    assertThat(model.struct().toString()).isEqualTo("struct<id: long not null, "
        + "lines: list<struct<sku: string not null, qty: int not null> not null> not null, note: string>");
    Schema schema = Protocol.parse(CORPUS.resolve("orders.avpr").toFile()).getType("com.acme.orders.Order");
    assertAgreesWithIceberg(model, AvroSchemaUtil.toIceberg(schema).asStruct());
  }

  @Test
  void avroAliasesAreRenameHints() {
    JavaFileObject declaration = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.users\", avro = \"com.acme.User\")", "interface T {}");
    JavaFileObject history = source("com.example.m.V0000", "package com.example.m;", "import dev.lake.annotations.*;",
        "@Migration(table = \"db.users\", step = 0)", "@AddColumn(name = \"full_name\", type = \"string\")",
        "public final class V0000 implements LakeMigration {}");
    Compilation compilation = Sources.compile(List.of("-Alake.avroDirectory=" + CORPUS), declaration, history);
    assertThat(compilation).hadWarningContaining("rename column full_name to name");
  }

  /** Column by column: names, required flags and types agree, except the deliberate differences. */
  private static void assertAgreesWithIceberg(TableModel model, Types.StructType iceberg) {
    assertThat(model.columns()).extracting(Column::name)
        .containsExactlyElementsOf(iceberg.fields().stream().map(Types.NestedField::name).toList());
    int compared = 0;
    for (Column column : model.columns()) {
      Types.NestedField field = iceberg.field(column.name());
      assertThat(column.required()).as(column.name()).isEqualTo(field.isRequired());
      if (DELIBERATE.containsKey(column.name())) {
        assertThat(lake(field.type())).as(DELIBERATE.get(column.name())).isNotEqualTo(column.type());
      } else {
        assertThat(column.type()).as(column.name()).isEqualTo(lake(field.type()));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(2);
  }

  /** An Iceberg type in Lake's model, for comparison. */
  private static dev.lake.core.model.Type lake(Type type) {
    switch (type.typeId()) {
      case BOOLEAN: return PrimitiveType.BOOLEAN;
      case INTEGER: return PrimitiveType.INT;
      case LONG: return PrimitiveType.LONG;
      case FLOAT: return PrimitiveType.FLOAT;
      case DOUBLE: return PrimitiveType.DOUBLE;
      case DATE: return PrimitiveType.DATE;
      case TIME: return PrimitiveType.TIME;
      case TIMESTAMP:
        return ((Types.TimestampType) type).shouldAdjustToUTC() ? PrimitiveType.TIMESTAMPTZ : PrimitiveType.TIMESTAMP;
      case STRING: return PrimitiveType.STRING;
      case UUID: return PrimitiveType.UUID;
      case BINARY: return PrimitiveType.BINARY;
      case FIXED: return new FixedType(((Types.FixedType) type).length());
      case DECIMAL:
        return new DecimalType(((Types.DecimalType) type).precision(), ((Types.DecimalType) type).scale());
      case STRUCT:
        return new StructType(type.asStructType().fields().stream()
            .map(f -> new Column(f.name(), lake(f.type()), f.isRequired(), f.doc())).toList());
      case LIST:
        return new ListType(lake(type.asListType().elementType()), type.asListType().isElementRequired());
      case MAP:
        return new MapType(lake(type.asMapType().keyType()), lake(type.asMapType().valueType()),
            type.asMapType().isValueRequired());
      default:
        throw new IllegalArgumentException("Unexpected Iceberg type " + type);
    }
  }
}
