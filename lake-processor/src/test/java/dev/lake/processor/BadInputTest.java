package dev.lake.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lake.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at compile time, one row each: the declaration, Avro file or migration as a user would
 * write it, the error's words, and the line it points at. Every row also asks {@code lake:generate}
 * for the next migration: a build with an error writes none.
 */
class BadInputTest {
  @TempDir
  Path dir;

  /** One bad input: the sources, Avro files (name to text), the expected words and the line they point at. */
  record Row(String name, List<JavaFileObject> sources, Map<String, String> avro, String message, JavaFileObject file,
      String line) {
    @Override
    public String toString() {
      return name;
    }

    /** The same Avro files with other sources, pointing at the first. */
    Row withSources(JavaFileObject source, String message) {
      return new Row(name, List.of(source), avro, message, source, line);
    }
  }

  private static JavaFileObject table(String... lines) {
    List<String> all = new ArrayList<>(List.of("package com.example;", "import dev.lake.annotations.*;",
        "import java.math.BigDecimal;", "import java.util.*;"));
    all.addAll(List.of(lines));
    return source("com.example.T", all.toArray(String[]::new));
  }

  private static JavaFileObject migration(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("package com.example.migrations;", "import dev.lake.annotations.*;"));
    all.addAll(List.of(lines));
    all.add("public final class " + name + " implements LakeMigration {}");
    return source("com.example.migrations." + name, all.toArray(String[]::new));
  }

  private static final JavaFileObject DECLARED = table("@LakeTable(name = \"db.t\")",
      "record T(long id, Integer n, String name) {}");
  private static final JavaFileObject STEP_0 = migration("V0000_Create", "@Migration(table = \"db.t\", step = 0)",
      "@AddColumn(name = \"id\", type = \"long\", required = true)", "@AddColumn(name = \"n\", type = \"int\")",
      "@AddColumn(name = \"name\", type = \"string\")");

  private static final JavaFileObject WEEKLY = migration("V0001_Weekly", "@Migration(table = \"db.t\", step = 1)",
      "@AddPartitionField(source = \"id\", transform = \"weekly\")");

  private static final JavaFileObject STRIN = migration("V0001_Strin", "@Migration(table = \"db.t\", step = 1)",
      "@AddColumn(name = \"x\", type = \"strin\")");

  private static Row declaration(String name, String message, String line, String... lines) {
    JavaFileObject source = table(lines);
    return new Row(name, List.of(source), Map.of(), message, source, line);
  }

  private static Row step(String name, String message, String... lines) {
    JavaFileObject step = migration("V0001_Bad", lines);
    return new Row(name, List.of(DECLARED, STEP_0, step), Map.of(), message, step, "@Migration");
  }

  private static Row avro(String name, String schema, String message) {
    JavaFileObject source = table("@LakeTable(name = \"db.users\", avro = \"com.acme.User\")", "interface T {}");
    return new Row(name, List.of(source), Map.of("user.avsc", schema), message, source, "@LakeTable");
  }

  private static String record(String... fields) {
    return "{\"type\": \"record\", \"name\": \"User\", \"namespace\": \"com.acme\", \"fields\": ["
        + String.join(", ", fields) + "]}";
  }

  static Stream<Row> rows() {
    JavaFileObject other = table("@LakeTable(name = \"db.t\")", "record T(long id) {}");
    JavaFileObject twice = source("com.example.U", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.t\")", "record U(long id) {}");
    JavaFileObject orphan = migration("V0000_Orphan", "@Migration(table = \"db.nothing\", step = 0)",
        "@AddColumn(name = \"id\", type = \"long\")");
    JavaFileObject delta = table("@LakeTable(name = \"db.t\", format = \"delta\")",
        "record T(long id, @Partition String region, String day) {}");
    JavaFileObject deltaStep0 = migration("V0000_Create", "@Migration(table = \"db.t\", step = 0)",
        "@AddColumn(name = \"id\", type = \"long\", required = true)", "@AddColumn(name = \"region\", type = \"string\")",
        "@AddPartitionField(source = \"region\", transform = \"identity\")");
    JavaFileObject deltaStep1 = migration("V0001_Day", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"day\", type = \"string\")");
    JavaFileObject deltaRequired = migration("V0001_Day", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"day\", type = \"string\", required = true)");
    JavaFileObject deltaRepartition = migration("V0002_Repartition", "@Migration(table = \"db.t\", step = 2)",
        "@AddPartitionField(source = \"day\", transform = \"identity\")");
    return Stream.of(
        // Java declarations
        declaration("a field of a type with no column", "Unsupported type for column payload: java.lang.Object",
            "record T(", "@LakeTable(name = \"db.t\")", "record T(long id, Object payload) {}"),
        declaration("BigDecimal without precision", "BigDecimal column amount needs a precision and scale",
            "BigDecimal amount", "@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  BigDecimal amount;", "}"),
        declaration("@Decimal on a long", "@Decimal fits BigDecimal fields (and lists and maps of them), not column "
            + "total of type long", "@Decimal", "@LakeTable(name = \"db.t\")", "class T {", "  long id;",
            "  @Decimal(precision = 9, scale = 2)", "  long total;", "}"),
        declaration("@Fixed on a String", "@Fixed fits byte[] and ByteBuffer fields (and lists and maps of them), not "
            + "column code of type string", "@Fixed", "@LakeTable(name = \"db.t\")", "class T {", "  long id;",
            "  @Fixed(16)", "  String code;", "}"),
        declaration("a decimal precision out of range", "precision", "@Decimal(precision = 99",
            "@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  @Decimal(precision = 99, scale = 2)",
            "  BigDecimal amount;", "}"),
        declaration("a partition on no column", "Invalid partition field day(nope): no such column: nope",
            "@Partition(source", "@LakeTable(name = \"db.t\")", "@Partition(source = \"nope\", transform = Transform.DAY)",
            "class T {", "  long id;", "}"),
        declaration("a transform that does not take the type", "day cannot transform name of type string",
            "String name", "@LakeTable(name = \"db.t\")", "class T {", "  long id;",
            "  @Partition(transform = Transform.DAY) String name;", "}"),
        declaration("a bucket without a count", "the bucket count must be at least 1", "long id",
            "@LakeTable(name = \"db.t\")", "class T {", "  @Partition(transform = Transform.BUCKET) long id;", "}"),
        declaration("two fields with one column name", "Duplicate column a: another field of T has the same column "
            + "name", "String b",
            "@LakeTable(name = \"db.t\")", "class T {", "  @Column(name = \"a\") String a;",
            "  @Column(name = \"a\") String b;", "}"),
        declaration("a table name without a namespace", "namespace", "@LakeTable", "@LakeTable(name = \"nodot\")",
            "record T(long id) {}"),
        declaration("an unknown format", "Unknown table format 'hudi' (known: delta, iceberg)", "@LakeTable",
            "@LakeTable(name = \"db.t\", format = \"hudi\")", "record T(long id) {}"),
        declaration("a reserved property", "Invalid property: lake.step (keys starting with 'lake.' are reserved",
            "@Property", "@LakeTable(name = \"db.t\")", "@Property(key = \"lake.step\", value = \"1\")",
            "record T(long id) {}"),
        declaration("a property declared twice", "Property owner is declared twice", "record T(", "@LakeTable(name = \"db.t\")", "@Property(key = \"owner\", value = \"a\")",
            "@Property(key = \"owner\", value = \"b\")", "record T(long id) {}"),
        declaration("an ignore that names no field", "@LakeTable(ignore) names no field: secret (T has id, name; "
            + "nested fields by path, such as address.city)", "@LakeTable", "@LakeTable(name = \"db.t\", ignore = "
            + "\"secret\")", "record T(long id, String name) {}"),
        declaration("a sort order on a Delta table", "Invalid sort order: delta tables have no sort order",
            "String name", "@LakeTable(name = \"db.t\", format = \"delta\")", "class T {", "  long id;",
            "  @SortBy String name;", "}"),
        declaration("a uuid on a Delta table", "Invalid column key: delta has no uuid type", "@LakeTable",
            "@LakeTable(name = \"db.t\", format = \"delta\")", "record T(long id, java.util.UUID key) {}"),
        declaration("an optional identifier column", "Invalid identifier column name: it is optional", "String name",
            "@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  @Id String name;", "}"),
        declaration("a double identifier column", "Invalid identifier column score: it is double", "double score",
            "@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  @Id double score;", "}"),
        declaration("a declaration with no column", "has no columns", "class T", "@LakeTable(name = \"db.t\")",
            "class T {", "  static long counter;", "}"),
        declaration("a recursive record", "contains itself", "record Node", "@LakeTable(name = \"db.t\")",
            "record T(long id, Node node) {", "  record Node(long value, Node next) {}", "}"),
        new Row("a table declared twice", List.of(other, twice), Map.of(), "Table db.t is declared twice", twice,
            "@LakeTable"),
        // Avro declarations
        avro("a record that is not there", record("{\"name\": \"id\", \"type\": \"long\"}").replace("User", "Person"),
            "Avro record com.acme.User not found"),
        avro("a union of two types", record("{\"name\": \"id\", \"type\": \"long\"}",
            "{\"name\": \"v\", \"type\": [\"int\", \"string\"]}"), "only a type or a union of null and one type"),
        avro("a recursive Avro record", record("{\"name\": \"id\", \"type\": \"long\"}",
            "{\"name\": \"next\", \"type\": [\"null\", \"User\"], \"default\": null}"),
            "Avro record com.acme.User contains itself (at next): a table cannot have recursive columns; leave the "
                + "field out with @LakeTable(ignore = \"next\")"),
        avro("an unknown logical type", record("{\"name\": \"id\", \"type\": \"long\"}",
            "{\"name\": \"when\", \"type\": {\"type\": \"long\", \"logicalType\": \"moment\"}}"),
            "Avro field com.acme.User.when has logicalType 'moment' on long, which Avro cannot read as that logical "
                + "type"),
        avro("a decimal without precision", record("{\"name\": \"id\", \"type\": \"long\"}",
            "{\"name\": \"price\", \"type\": {\"type\": \"bytes\", \"logicalType\": \"decimal\"}}"),
            "Avro field com.acme.User.price has logicalType 'decimal' on bytes"),
        avro("a timestamp on an int", record("{\"name\": \"id\", \"type\": \"long\"}",
            "{\"name\": \"at\", \"type\": {\"type\": \"int\", \"logicalType\": \"timestamp-millis\"}}"),
            "Avro field com.acme.User.at has logicalType 'timestamp-millis' on int"),
        avro("a schema file that does not parse", "{\"type\": \"record\", \"name\": ", "user.avsc"),
        avro("an ignore that names no Avro field", record("{\"name\": \"id\", \"type\": \"long\"}"), "")
            .withSources(table("@LakeTable(name = \"db.users\", avro = \"com.acme.User\", ignore = \"nope\")",
                "interface T {}"), "@LakeTable(ignore) names no field: nope (Avro record com.acme.User has id"),
        // Migrations
        new Row("a migration of an undeclared table", List.of(DECLARED, STEP_0, orphan), Map.of(),
            "No @LakeTable declares db.nothing", orphan, "@Migration"),
        step("a gap in the steps", "Missing step 1", "@Migration(table = \"db.t\", step = 2)",
            "@AddColumn(name = \"x\", type = \"int\")"),
        new Row("two migrations of one step", List.of(DECLARED, STEP_0, migration("V0000_Again",
            "@Migration(table = \"db.t\", step = 0)", "@AddColumn(name = \"id\", type = \"long\", required = true)")),
            Map.of(), "Duplicate step: two migrations are step 0; renumber one of them to 1", STEP_0, "@Migration"),
        step("a promotion the format does not allow", "Cannot change column type: id: long -> int (iceberg allows",
            "@Migration(table = \"db.t\", step = 1)", "@UpdateColumnType(path = \"id\", type = \"int\")"),
        step("contradicting changes", "Contradicting changes", "@Migration(table = \"db.t\", step = 1)",
            "@MakeOptional(\"id\")", "@RequireColumn(\"id\")"),
        step("an unmarked destructive step", "Step 1 of db.t loses data (drop column name) but is not marked "
            + "destructive", "@Migration(table = \"db.t\", step = 1)", "@DropColumn(\"name\")"),
        new Row("a type that does not parse", List.of(DECLARED, STEP_0, STRIN), Map.of(),
            "Invalid @AddColumn: Cannot parse type 'strin': unknown type 'strin'", STRIN, "@AddColumn"),
        new Row("a transform that does not parse", List.of(DECLARED, STEP_0, WEEKLY), Map.of(), "Invalid transform",
            WEEKLY, "@AddPartitionField"),
        step("a negative step", "Invalid step -1", "@Migration(table = \"db.t\", step = -1)",
            "@AddColumn(name = \"x\", type = \"int\")"),
        step("adding a column that exists", "Cannot add column: n already exists",
            "@Migration(table = \"db.t\", step = 1)", "@AddColumn(name = \"n\", type = \"int\")"),
        step("dropping a column that is not there", "Cannot drop column: gone: no such column",
            "@Migration(table = \"db.t\", step = 1, destructive = true)", "@DropColumn(\"gone\")"),
        step("renaming onto an existing column", "a column name already exists",
            "@Migration(table = \"db.t\", step = 1)", "@RenameColumn(from = \"n\", to = \"name\")"),
        step("a migration table name without a namespace", "namespace", "@Migration(table = \"nodot\", step = 1)",
            "@AddColumn(name = \"x\", type = \"int\")"),
        new Row("a Delta partition added after step 0", List.of(delta, deltaStep0, deltaStep1, deltaRepartition),
            Map.of(), "delta fixes a table's partition columns when it is created", deltaRepartition, "@Migration"),
        new Row("a required column added to an existing Delta table", List.of(delta, deltaStep0, deltaRequired),
            Map.of(), "delta adds columns to an existing table only as optional", deltaRequired, "@Migration"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void isAnErrorWhereItWasWrittenAndWritesNothing(Row row) throws IOException {
    Path avroDir = Files.createDirectories(dir.resolve("avro"));
    for (var file : row.avro().entrySet()) {
      Files.writeString(avroDir.resolve(file.getKey()), file.getValue());
    }
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Compilation compilation = Sources.compile(List.of("-Alake.avroDirectory=" + avroDir, "-Alake.generate=true",
        "-Alake.generateDirectory=" + generated), row.sources());
    assertThat(compilation).hadErrorContaining(row.message()).inFile(row.file()).onLineContaining(row.line());
    try (Stream<Path> files = Files.walk(generated)) {
      assertThat(files.filter(Files::isRegularFile).toList()).as("no migration is written").isEmpty();
    }
  }
}
