package dev.lake.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lake.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user mistake is a compile error on the element that caused it, with the fix, and all are shown. */
class ErrorsTest {
  @TempDir
  Path dir;

  private static Compilation compile(JavaFileObject... sources) {
    return Sources.compile(List.of(), sources);
  }

  private static JavaFileObject table(String... body) {
    String[] lines = new String[body.length + 8];
    lines[0] = "package com.example;";
    lines[1] = "import dev.lake.annotations.*;";
    lines[2] = "import java.math.BigDecimal;";
    lines[3] = "import java.time.*;";
    lines[4] = "import java.util.*;";
    System.arraycopy(body, 0, lines, 5, body.length);
    lines[body.length + 5] = "";
    lines[body.length + 6] = "";
    lines[body.length + 7] = "";
    return source("com.example.T", lines);
  }

  @Test
  void unknownTableFormat() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\",", "    format = \"hudi\")", "record T(long id) {}");
    assertThat(compile(source)).hadErrorContaining("Unknown table format 'hudi' (known: delta, iceberg)").inFile(source)
        .onLineContaining("format = \"hudi\"");
  }

  @Test
  void unsupportedFieldType() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "record T(long id, Object payload) {}");
    assertThat(compile(source)).hadErrorContaining("Unsupported type for column payload: java.lang.Object. Use "
        + "boolean, int, long").inFile(source).onLineContaining("record T(");
  }

  @Test
  void unsupportedFieldTypeInAClassPointsAtTheField() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  Thread worker;", "}");
    assertThat(compile(source)).hadErrorContaining("Unsupported type for column worker: java.lang.Thread")
        .inFile(source).onLineContaining("Thread worker;");
  }

  @Test
  void decimalWithoutPrecision() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  BigDecimal amount;",
        "}");
    assertThat(compile(source)).hadErrorContaining("BigDecimal column amount needs a precision and scale: add "
        + "@Decimal(precision = ..., scale = ...)").inFile(source).onLineContaining("BigDecimal amount;");
  }

  @Test
  void partitionOnAMissingColumn() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")",
        "@Partition(source = \"nope\", transform = Transform.DAY)", "class T {", "  long id;", "}");
    assertThat(compile(source)).hadErrorContaining("Invalid partition field day(nope): no such column: nope")
        .inFile(source).onLineContaining("@Partition(source = \"nope\"");
  }

  @Test
  void partitionOnATypeTheTransformDoesNotTake() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;",
        "  @Partition(transform = Transform.DAY) String name;", "}");
    assertThat(compile(source)).hadErrorContaining("Invalid partition field day(name): day cannot transform name of "
        + "type string (it takes date, timestamp").inFile(source).onLineContaining("String name;");
  }

  @Test
  void bucketWithoutACount() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "class T {",
        "  @Partition(transform = Transform.BUCKET) long id;", "}");
    assertThat(compile(source)).hadErrorContaining("the bucket count must be at least 1) (set buckets on the "
        + "@Partition)").inFile(source).onLineContaining("long id;");
  }

  @Test
  void sortOnAMissingColumn() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "@SortBy(column = \"nope\")", "class T {",
        "  long id;", "}");
    assertThat(compile(source)).hadErrorContaining("Invalid sort field nope asc nulls first: no such column: nope")
        .inFile(source).onLineContaining("@SortBy(column");
  }

  @Test
  void optionalIdentifierColumn() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "class T {", "  @Id Long id;", "}");
    assertThat(compile(source)).hadErrorContaining("Invalid identifier column id: it is optional; an identifier "
        + "column must be required").inFile(source).onLineContaining("@Id Long id;");
  }

  @Test
  void identifierColumnInAList() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;",
        "  List<Item> items;", "  static class Item {", "    @Id long key;", "  }", "}");
    assertThat(compile(source)).hadErrorContaining("Invalid identifier column items.element.key: it is inside a list "
        + "or map").inFile(source).onLineContaining("@Id long key;");
  }

  @Test
  void badTableName() {
    JavaFileObject source = table("@LakeTable(name = \"events\")", "class T {", "  long id;", "}");
    assertThat(compile(source)).hadErrorContaining("Invalid table name: events (must be qualified: namespace.table")
        .inFile(source).onLineContaining("@LakeTable(name = \"events\")");
  }

  private static JavaFileObject migration(String name, String... annotations) {
    String[] lines = new String[annotations.length + 4];
    lines[0] = "package com.example.migrations;";
    lines[1] = "import dev.lake.annotations.*;";
    System.arraycopy(annotations, 0, lines, 2, annotations.length);
    lines[annotations.length + 2] = "public final class " + name + " implements LakeMigration {}";
    lines[annotations.length + 3] = "";
    return source("com.example.migrations." + name, lines);
  }

  private static final JavaFileObject DECLARED = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;", "}");
  private static final JavaFileObject STEP_0 = migration("V0000_Create",
      "@Migration(table = \"db.t\", step = 0)", "@AddColumn(name = \"id\", type = \"long\", required = true)");

  @Test
  void sqlStatementsAreCheckedWhereTheyAreWritten() {
    JavaFileObject step1 = migration("V0001_Fill", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"x\", type = \"int\")",
        "@Sql(\"UPDATE {tabel} SET x = 2\")");
    assertThat(compile(DECLARED, STEP_0, step1)).hadErrorContaining("Invalid @Sql: unknown placeholder {tabel} (only "
        + "{table} is replaced, by the table's identifier in Spark)").inFile(step1).onLineContaining("{tabel}");
  }

  @Test
  void repeatedSqlStatementsAreEachChecked() {
    JavaFileObject step1 = migration("V0001_Fill", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"x\", type = \"int\")",
        "@Sql(\"UPDATE {table} SET x = 1\")",
        "@Sql(\"UPDATE {tabel} SET x = 2\")",
        "@Sql(\"  \")");
    Compilation compilation = compile(DECLARED, STEP_0, step1);
    // javac places the diagnostics of a repeated annotation at the class.
    assertThat(compilation).hadErrorContaining("Invalid @Sql: unknown placeholder {tabel}").inFile(step1)
        .onLineContaining("class V0001_Fill");
    assertThat(compilation).hadErrorContaining("Invalid @Sql: the statement is empty").inFile(step1)
        .onLineContaining("class V0001_Fill");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aValidSqlStatementCompiles() {
    JavaFileObject declared = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  Integer x;", "}");
    JavaFileObject step1 = migration("V0001_Fill", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"x\", type = \"int\")",
        "@Sql(\"UPDATE {table} SET x = 1 WHERE note = '{\\\"json\\\": true}'\")");
    assertThat(compile(declared, STEP_0, step1)).succeededWithoutWarnings();
  }

  @Test
  void stepGap() {
    JavaFileObject step2 = migration("V0002_Gap", "@Migration(table = \"db.t\", step = 2)",
        "@AddColumn(name = \"x\", type = \"int\")");
    assertThat(compile(DECLARED, STEP_0, step2)).hadErrorContaining("db.t step 2: Missing step 1: steps are "
        + "numbered 0, 1, 2, ... without gaps (found [0, 2])").inFile(step2).onLineContaining("@Migration");
  }

  @Test
  void twoMigrationsForOneStep() {
    JavaFileObject other = migration("V0000_Other", "@Migration(table = \"db.t\", step = 0)",
        "@AddColumn(name = \"id\", type = \"long\", required = true)");
    Compilation compilation = compile(DECLARED, STEP_0, other);
    assertThat(compilation).hadErrorContaining("db.t step 0: Duplicate step: two migrations are step 0; renumber one "
        + "of them to 1").inFile(other).onLineContaining("@Migration");
    assertThat(compilation).hadErrorContaining("Duplicate step").inFile(STEP_0).onLineContaining("@Migration");
  }

  @Test
  void aStepThatBreaksAReplayRule() {
    JavaFileObject step1 = migration("V0001_Narrow", "@Migration(table = \"db.t\", step = 1)",
        "@UpdateColumnType(path = \"id\", type = \"int\")");
    assertThat(compile(DECLARED, STEP_0, step1)).hadErrorContaining("db.t step 1: Cannot change column type: id: "
        + "long -> int").inFile(step1).onLineContaining("@Migration");
  }

  @Test
  void aDeltaTableCannotRepartitionLater() {
    JavaFileObject declared = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.t\", format = \"delta\")", "record T(long id, @Partition String region, String day) {}");
    JavaFileObject step0 = migration("V0000_Create", "@Migration(table = \"db.t\", step = 0)",
        "@AddColumn(name = \"id\", type = \"long\", required = true)", "@AddColumn(name = \"region\", type = \"string\")",
        "@AddPartitionField(source = \"region\", transform = \"identity\")");
    JavaFileObject step1 = migration("V0001_Day", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"day\", type = \"string\")");
    JavaFileObject step2 = migration("V0002_Repartition", "@Migration(table = \"db.t\", step = 2)",
        "@AddPartitionField(source = \"day\", transform = \"identity\")");
    Compilation compilation = compile(declared, step0, step1, step2);
    assertThat(compilation).hadErrorContaining("db.t step 2: Cannot add partition field identity(day): delta fixes a "
        + "table's partition columns when it is created (step 0); to partition differently, create a new table")
        .inFile(step2).onLineContaining("@Migration");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aDeltaTableHasNoSortOrder() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\", format = \"delta\")", "class T {", "  long id;",
        "  @SortBy String name;", "}");
    assertThat(compile(source)).hadErrorContaining("Invalid sort order: delta tables have no sort order")
        .inFile(source).onLineContaining("String name;");
  }

  @Test
  void anUnmarkedDestructiveStepIsAnErrorWhereItIsWritten() {
    JavaFileObject step1 = migration("V0001_Drop", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"n\", type = \"int\")");
    JavaFileObject step2 = migration("V0002_Drop", "@Migration(table = \"db.t\", step = 2, description = \"drop n\")",
        "@DropColumn(\"n\")");
    assertThat(compile(DECLARED, STEP_0, step1, step2)).hadErrorContaining("Step 2 of db.t loses data (drop column n) "
        + "but is not marked destructive: once you are sure the data may go, write @Migration(..., destructive = true)")
        .inFile(step2).onLineContaining("@Migration");
    JavaFileObject marked = migration("V0002_Drop", "@Migration(table = \"db.t\", step = 2, destructive = true)",
        "@DropColumn(\"n\")");
    assertThat(compile(DECLARED, STEP_0, step1, marked)).succeededWithoutWarnings();
  }

  @Test
  void requiringAColumnOfAnExistingTableIsAWarning() {
    JavaFileObject declared = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  long n;", "}");
    JavaFileObject step1 = migration("V0001_AddN", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"n\", type = \"long\", required = true)");
    Compilation compilation = compile(declared, STEP_0, step1);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("Step 1 of db.t: 'add column n long not null' fails when the table "
        + "holds rows with no value for it; on a table with data, add the column as optional, fill it, then require it "
        + "(@RequireColumn) once every row has a value").inFile(step1).onLineContaining("class V0001_AddN");
    assertThat(compile(declared, migration("V0000_Create", "@Migration(table = \"db.t\", step = 0)",
        "@AddColumn(name = \"id\", type = \"long\", required = true)",
        "@AddColumn(name = \"n\", type = \"long\", required = true)")))
        .succeededWithoutWarnings();
  }

  @Test
  void contradictingChangesInOneStep() {
    JavaFileObject step1 = migration("V0001_Both", "@Migration(table = \"db.t\", step = 1)",
        "@MakeOptional(\"id\")", "@RequireColumn(\"id\")");
    assertThat(compile(DECLARED, STEP_0, step1)).hadErrorContaining("db.t step 1: Contradicting changes")
        .inFile(step1).onLineContaining("@Migration");
  }

  @Test
  void anInvalidTypeInAMigration() {
    JavaFileObject step1 = migration("V0001_Bad", "@Migration(table = \"db.t\", step = 1)",
        "@AddColumn(name = \"x\", type = \"strin\")");
    assertThat(compile(DECLARED, STEP_0, step1)).hadErrorContaining("Invalid @AddColumn: Cannot parse type 'strin': "
        + "unknown type 'strin'").inFile(step1).onLineContaining("@AddColumn(name = \"x\"");
  }

  @Test
  void aMigrationOfAnUndeclaredTable() {
    JavaFileObject typo = migration("V0000_Typo", "@Migration(table = \"db.tt\", step = 0)",
        "@AddColumn(name = \"id\", type = \"long\")");
    assertThat(compile(DECLARED, STEP_0, typo)).hadErrorContaining("No @LakeTable declares db.tt (declared: db.t); "
        + "fix the table name").inFile(typo).onLineContaining("@Migration(table = \"db.tt\"");
  }

  @Test
  void aMigrationMustImplementLakeMigration() {
    JavaFileObject plain = source("com.example.migrations.V0001_Plain", "package com.example.migrations;",
        "import dev.lake.annotations.*;", "@Migration(table = \"db.t\", step = 1)", "public final class V0001_Plain {}");
    assertThat(compile(DECLARED, STEP_0, plain)).hadErrorContaining("V0001_Plain must implement LakeMigration")
        .inFile(plain).onLineContaining("@Migration");
  }

  @Test
  void ambiguousRenameHints() {
    JavaFileObject twoClaims = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;",
        "  @Column(formerly = \"id\") long a;", "  @Column(formerly = \"id\") long b;", "}");
    JavaFileObject renamed = migration("V0000_Create", "@Migration(table = \"db.t\", step = 0)",
        "@AddColumn(name = \"id\", type = \"long\", required = true)");
    assertThat(compile(twoClaims, renamed)).hadErrorContaining("Ambiguous rename hint in db.t: a was formerly id, but "
        + "id is still declared").inFile(twoClaims).onLineContaining("class T {");
  }

  @Test
  void driftIsAWarningOrAnError() {
    JavaFileObject drifted = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  String added;", "}");
    Compilation warned = compile(drifted, STEP_0);
    assertThat(warned).succeeded();
    assertThat(warned).hadWarningContaining("Table db.t has drifted from its migrations (step 0): add column added "
        + "string. Run 'mvn lake:generate' to write step 1").inFile(drifted).onLineContaining("class T {");
    Compilation failed = Sources.compile(List.of("-Alake.drift=error"), drifted, STEP_0);
    assertThat(failed).hadErrorContaining("Table db.t has drifted").inFile(drifted).onLineContaining("class T {");
  }

  @Test
  void everyErrorIsReportedInOneCompile() {
    JavaFileObject source = table("@LakeTable(name = \"db.t\")", "class T {", "  long id;", "  Object a;",
        "  BigDecimal b;", "  @Partition(transform = Transform.HOUR) LocalDate c;", "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("column a").inFile(source).onLineContaining("Object a;");
    assertThat(compilation).hadErrorContaining("column b").inFile(source).onLineContaining("BigDecimal b;");
  }

  @Test
  void avroFileThatDoesNotParse() throws IOException {
    Files.writeString(dir.resolve("user.avsc"), "{\n  \"type\": \"record\",\n  \"name\": \"User\",\n  \"fields\": [\n"
        + "    {\"name\": \"id\" \"type\": \"long\"}\n  ]\n}\n");
    JavaFileObject source = table("@LakeTable(name = \"db.users\", avro = \"User\")", "interface T {}");
    assertThat(Sources.compile(List.of("-Alake.avroDirectory=" + dir), source))
        .hadErrorContaining("Cannot parse Avro file " + dir.resolve("user.avsc")).inFile(source)
        .onLineContaining("@LakeTable");
    assertThat(Sources.compile(List.of("-Alake.avroDirectory=" + dir), source)).hadErrorContaining("line: 5");
  }

  @Test
  void avroRecordNotFound() throws IOException {
    Files.writeString(dir.resolve("user.avsc"), "{\"type\": \"record\", \"name\": \"User\", \"namespace\": \"com.acme\","
        + " \"fields\": [{\"name\": \"id\", \"type\": \"long\"}]}");
    JavaFileObject source = table("@LakeTable(name = \"db.users\", avro = \"com.acme.Usr\")", "interface T {}");
    assertThat(Sources.compile(List.of("-Alake.avroDirectory=" + dir), source))
        .hadErrorContaining("Avro record com.acme.Usr not found in " + dir + " (records: com.acme.User)")
        .inFile(source).onLineContaining("@LakeTable");
  }

  @Test
  void avroUnionThatIsNotOptional() throws IOException {
    Files.writeString(dir.resolve("user.avsc"), "{\"type\": \"record\", \"name\": \"User\", \"fields\": ["
        + "{\"name\": \"id\", \"type\": \"long\"}, {\"name\": \"v\", \"type\": [\"int\", \"string\"]}]}");
    JavaFileObject source = table("@LakeTable(name = \"db.users\", avro = \"User\")", "interface T {}");
    assertThat(Sources.compile(List.of("-Alake.avroDirectory=" + dir), source))
        .hadErrorContaining("Avro field User.v is [\"int\",\"string\"]: only a type or a union of null and one type "
            + "(an optional field) can be a column").inFile(source).onLineContaining("@LakeTable");
  }
}
