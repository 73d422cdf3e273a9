package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.Column;
import dev.lake.core.model.TableModel;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.avro.Protocol;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlReader;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lake's processor maps Avro schemas as Iceberg's own {@code AvroSchemaUtil.toIceberg} does, column by
 * column over the processor's Avro corpus, except where Lake follows the Avro specification on purpose
 * (DESIGN §6, README).
 */
class AvroAgreementTest {
  private static final Path CORPUS = Path.of(System.getProperty("lake.avroCorpus", "../../lake-processor/src/test/"
      + "resources/avro-corpus")).toAbsolutePath().normalize();

  private static final Map<String, String> DELIBERATE = Map.of(
      "created", "timestamp-millis: Iceberg timestamp, Lake timestamptz",
      "updated", "timestamp-micros: Iceberg timestamp, Lake timestamptz",
      "local_ms", "local-timestamp-millis: Iceberg long, Lake timestamp",
      "local_us", "local-timestamp-micros: Iceberg long, Lake timestamp",
      "event_time", "timestamp-millis: Iceberg timestamp, Lake timestamptz");

  @TempDir
  Path dir;

  /** Compiles a declaration of {@code record} with Lake's processor and reads the model from its index. */
  private TableModel declare(String table, String record) throws IOException {
    Path source = dir.resolve("src/com/example/T.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package com.example;\nimport dev.lake.annotations.*;\n@LakeTable(name = \"" + table
        + "\", avro = \"" + record + "\")\ninterface T {}\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    boolean compiled = javac.getTask(out, null, null, List.of("-d", classes.toString(), "-classpath",
        System.getProperty("java.class.path"), "-processor", "dev.lake.processor.LakeProcessor",
        "-Alake.avroDirectory=" + CORPUS, "-Alake.projectDirectory=" + dir), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile())).call();
    assertThat(compiled).as(out.toString()).isTrue();
    return LakeIndex.parse(Files.readString(classes.resolve(LakeIndex.RESOURCE)), "test").get(0).model()
        .orElseThrow();
  }

  private static void assertAgreesWithIceberg(TableModel model, Types.StructType iceberg) {
    assertThat(model.columns()).extracting(Column::name)
        .containsExactlyElementsOf(iceberg.fields().stream().map(Types.NestedField::name).toList());
    int compared = 0;
    for (Column column : model.columns()) {
      Types.NestedField field = iceberg.field(column.name());
      assertThat(column.required()).as(column.name()).isEqualTo(field.isRequired());
      dev.lake.core.model.Type icebergType = IcebergModels.type(field.type());
      if (DELIBERATE.containsKey(column.name())) {
        assertThat(icebergType).as(DELIBERATE.get(column.name())).isNotEqualTo(column.type());
      } else {
        assertThat(column.type()).as(column.name()).isEqualTo(icebergType);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(2);
  }

  @Test
  void avscRecordWithEveryAvroType() throws IOException {
    Schema schema = new Schema.Parser().parse(CORPUS.resolve("user.avsc").toFile());
    assertAgreesWithIceberg(declare("db.users", "com.acme.User"), AvroSchemaUtil.toIceberg(schema).asStruct());
  }

  @Test
  void avdlRecordFromAProtocol() throws IOException {
    Schema schema = new IdlReader().parse(CORPUS.resolve("events.avdl")).getNamedSchema("com.acme.events.Event");
    assertAgreesWithIceberg(declare("analytics.events", "com.acme.events.Event"),
        AvroSchemaUtil.toIceberg(schema).asStruct());
  }

  @Test
  void avprRecord() throws IOException {
    Schema schema = Protocol.parse(CORPUS.resolve("orders.avpr").toFile()).getType("com.acme.orders.Order");
    assertAgreesWithIceberg(declare("sales.orders", "com.acme.orders.Order"),
        AvroSchemaUtil.toIceberg(schema).asStruct());
  }

  /** Ids are not part of the model: the conversion to Iceberg and back keeps every Lake type. */
  @Test
  void lakeTypesSurviveIceberg() throws IOException {
    TableModel model = declare("db.users", "com.acme.User");
    for (Column column : model.columns()) {
      assertThat(IcebergModels.type(IcebergModels.type(column.type(), new AtomicInteger()))).as(column.name())
          .isEqualTo(column.type());
    }
  }
}
