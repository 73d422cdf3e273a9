package dev.lake.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lake.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.TableModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Java declarations into the model, read back from the index the processor writes. */
class DeclarationTest {

  static LakeIndex.Entry indexEntry(Compilation compilation, String table) throws IOException {
    Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, LakeIndex.RESOURCE);
    assertThat(file).isPresent();
    return LakeIndex.parse(file.get().getCharContent(true).toString(), "test").stream()
        .filter(e -> e.table().toString().equals(table)).findFirst().orElseThrow();
  }

  static TableModel indexedModel(Compilation compilation, String table) throws IOException {
    return indexEntry(compilation, table).model().orElseThrow();
  }

  @Test
  void everyJavaTypeOfTheDesign() throws IOException {
    JavaFileObject source = source("com.example.AllTypes",
        "package com.example;",
        "import dev.lake.annotations.*;",
        "import java.math.BigDecimal;",
        "import java.nio.ByteBuffer;",
        "import java.time.*;",
        "import java.util.*;",
        "@LakeTable(name = \"db.all\")",
        "public record AllTypes(",
        "    boolean a, byte b, short c, int d, long e, float f, double g,",
        "    Boolean h, Integer i, Long j, Float k, Double l,",
        "    String m, Color n, UUID o, LocalDate p, LocalTime q, LocalDateTime r,",
        "    Instant s, OffsetDateTime t, ZonedDateTime u,",
        "    @Decimal(precision = 12, scale = 2) BigDecimal v,",
        "    byte[] w, ByteBuffer x, @Fixed(16) byte[] y,",
        "    List<String> z1, Set<Long> z2, Collection<Inner> z3,",
        "    Map<String, Integer> z4, Optional<String> z5, @Required String z6,",
        "    @Column(name = \"renamed\", doc = \"a doc\") String z7,",
        "    @Ignore Object ignored) {",
        "  public enum Color { RED }",
        "  public record Inner(int x, @javax.annotation.processing.Generated(\"x\") String y) {}",
        "}");
    Compilation compilation = Sources.compile(List.of(), source);
    assertThat(compilation).succeeded();
    TableModel model = indexedModel(compilation, "db.all");
    assertThat(model.struct().toString()).isEqualTo("struct<a: boolean not null, b: int not null, c: int not null, "
        + "d: int not null, e: long not null, f: float not null, g: double not null, h: boolean, i: int, j: long, "
        + "k: float, l: double, m: string, n: string, o: uuid, p: date, q: time, r: timestamp, s: timestamptz, "
        + "t: timestamptz, u: timestamptz, v: decimal(12, 2), w: binary, x: binary, y: fixed[16], z1: list<string>, "
        + "z2: list<long>, z3: list<struct<x: int not null, y: string>>, z4: map<string, int>, z5: string, "
        + "z6: string not null, renamed: string comment 'a doc'>");
  }

  @Test
  void aClassWithPartitionsSortOrderIdentifiersAndProperties() throws IOException {
    JavaFileObject source = source("com.example.Order",
        "package com.example;",
        "import dev.lake.annotations.*;",
        "import java.time.Instant;",
        "@LakeTable(name = \"sales.orders\", naming = Naming.SNAKE_CASE)",
        "@Partition(source = \"customer.region\", transform = Transform.IDENTITY)",
        "@SortBy(column = \"customer.region\", order = 1)",
        "@Property(key = \"write.format.default\", value = \"parquet\")",
        "public class Order {",
        "  @Id long orderID;",
        "  @Partition(transform = Transform.MONTH) @SortBy(direction = SortBy.Direction.DESC) Instant placedAt;",
        "  @Partition(transform = Transform.TRUNCATE, width = 4, name = \"code_prefix\") String promoCode;",
        "  @Required Customer customer;",
        "  static int ignoredStatic;",
        "  transient int ignoredTransient;",
        "  public static class Customer { @Id long customerId; String region; }",
        "}");
    Compilation compilation = Sources.compile(List.of(), source);
    assertThat(compilation).succeeded();
    TableModel model = indexedModel(compilation, "sales.orders");
    assertThat(model).isEqualTo(TableModel.builder("sales.orders")
        .required("order_id", "long")
        .optional("placed_at", "timestamptz")
        .optional("promo_code", "string")
        .required("customer", "struct<customer_id: long not null, region: string>")
        .partition("identity(customer.region)")
        .partition("month(placed_at)")
        .partition(new dev.lake.core.model.PartitionField("promo_code", dev.lake.core.model.Transform.truncate(4),
            "code_prefix"))
        .sort("placed_at desc nulls last")
        .sort("customer.region asc nulls first")
        .identifier("order_id")
        .identifier("customer.customer_id")
        .property("write.format.default", "parquet")
        .build());
    assertThat(LakeIndex.parse(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, LakeIndex.RESOURCE)
        .orElseThrow().getCharContent(true).toString(), "test")).extracting(e -> e.table().toString())
        .containsExactly("sales.orders");
  }

  @Test
  void aHandWrittenStepZeroCreatesColumnsInTheOrderWritten() {
    JavaFileObject declaration = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.users\")", "record T(long id, String email, String country) {}");
    JavaFileObject step0 = source("com.example.m.V0000", "package com.example.m;", "import dev.lake.annotations.*;",
        "@Migration(table = \"db.users\", step = 0)", "@AddColumn(name = \"id\", type = \"long\", required = true)",
        "@AddColumn(name = \"email\", type = \"string\")", "@AddColumn(name = \"country\", type = \"string\")",
        "public final class V0000 implements LakeMigration {}");
    assertThat(Sources.compile(List.of("-Alake.drift=error"), declaration, step0)).succeededWithoutWarnings();
  }

  @Test
  void ignoredFieldsAreLeftOutOfJavaAndAvroTables() throws IOException {
    JavaFileObject javaRecord = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.t\", ignore = {\"payload\", \"device.secret\"})",
        "record T(long id, Object payload, Device device) {", "  record Device(String os, String secret) {}", "}");
    Compilation compilation = Sources.compile(List.of(), javaRecord);
    assertThat(compilation).succeeded();
    assertThat(indexedModel(compilation, "db.t").struct()).hasToString(
        "struct<id: long not null, device: struct<os: string>>");

    Path corpus;
    try {
      corpus = Path.of(DeclarationTest.class.getResource("/avro-corpus").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    JavaFileObject avro = source("com.example.U", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.users\", avro = \"com.acme.User\", ignore = {\"avatar\", \"address.zip\"})",
        "interface U {}");
    Compilation fromAvro = Sources.compile(List.of("-Alake.avroDirectory=" + corpus), avro);
    assertThat(fromAvro).succeeded();
    TableModel users = indexedModel(fromAvro, "db.users");
    org.assertj.core.api.Assertions.assertThat(users.find("avatar")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(users.find("address.zip")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(users.find("address.city")).isPresent();
  }

  @Test
  void aDisabledTableIsCheckedButNeitherReportedNorGenerated() throws IOException {
    JavaFileObject declaration = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.t\", enabled = false)", "record T(long id, String name) {}");
    Compilation compilation = Sources.compile(List.of("-Alake.drift=error"), declaration);
    assertThat(compilation).succeededWithoutWarnings();
    org.assertj.core.api.Assertions.assertThat(indexEntry(compilation, "db.t").enabled()).isFalse();

    JavaFileObject broken = source("com.example.m.V0001", "package com.example.m;", "import dev.lake.annotations.*;",
        "@Migration(table = \"db.t\", step = 1)", "@AddColumn(name = \"x\", type = \"int\")",
        "public final class V0001 implements LakeMigration {}");
    assertThat(Sources.compile(List.of(), declaration, broken))
        .hadErrorContaining("Missing step 0");
  }

  @Test
  void theIndexListsMigrationClassesInStepOrder() throws IOException {
    JavaFileObject declaration = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.t\")", "record T(long id, Integer n) {}");
    JavaFileObject step1 = source("com.example.m.B", "package com.example.m;", "import dev.lake.annotations.*;",
        "@Migration(table = \"db.t\", step = 1)", "@AddColumn(name = \"n\", type = \"int\")",
        "public final class B implements LakeMigration {}");
    JavaFileObject step0 = source("com.example.m.A", "package com.example.m;", "import dev.lake.annotations.*;",
        "@Migration(table = \"db.t\", step = 0)", "@AddColumn(name = \"id\", type = \"long\", required = true)",
        "public final class A implements LakeMigration {",
        "  public static final class Nested {}", "}");
    Compilation compilation = Sources.compile(List.of("-Alake.drift=error"), declaration, step1, step0);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(indexEntry(compilation, "db.t").migrationClasses()).containsExactly("com.example.m.A",
        "com.example.m.B");
  }

  @Test
  void tablesAndMigrationsNestedInOtherClassesAreFound() throws IOException {
    JavaFileObject schema = source("com.example.Schema", "package com.example;", "import dev.lake.annotations.*;",
        "public final class Schema {",
        "  @LakeTable(name = \"db.nested\") public record Event(@Id long id, Integer n) {}",
        "  public static final class Steps {",
        "    @Migration(table = \"db.nested\", step = 0)",
        "    @AddColumn(name = \"id\", type = \"long\", required = true) @SetIdentifierColumns(\"id\")",
        "    public static final class Create implements LakeMigration {}",
        "    @Migration(table = \"db.nested\", step = 1) @AddColumn(name = \"n\", type = \"int\")",
        "    public static final class AddN implements LakeMigration {}",
        "  }",
        "}");
    Compilation compilation = Sources.compile(List.of("-Alake.drift=error"), schema);
    assertThat(compilation).succeededWithoutWarnings();
    LakeIndex.Entry entry = indexEntry(compilation, "db.nested");
    assertThat(entry.migrationClasses()).containsExactly("com.example.Schema$Steps$Create",
        "com.example.Schema$Steps$AddN");
    assertThat(entry.model().orElseThrow().columns()).extracting(c -> c.name()).containsExactly("id", "n");
  }

  @Test
  void theProcessorPathHasNoTableFormatHadoopOrCloudJar() throws IOException {
    // Written by the build (dependency:build-classpath, runtime scope): what javac's processor path
    // gets when a project puts lake-processor on annotationProcessorPaths.
    String path = Files.readString(Path.of("target/processor-path.txt"));
    assertThat(path).contains("lake-core").contains("javapoet").contains("avro-idl");
    assertThat(path.split(java.io.File.pathSeparator)).noneMatch(jar -> jar.matches(
        ".*(iceberg|hadoop|awssdk|aws-|sqlite|snappy|delta|spark|lake-testing|junit).*"));
  }
}
