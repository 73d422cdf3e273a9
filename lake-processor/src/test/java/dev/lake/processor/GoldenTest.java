package dev.lake.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lake.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden generated sources for each kind of declaration; each then compiles with no drift. */
class GoldenTest {
  @TempDir
  Path dir;

  private static final JavaFileObject EVERY_TRANSFORM = source("com.example.Click",
      "package com.example;",
      "import dev.lake.annotations.*;",
      "import java.math.BigDecimal;",
      "import java.time.*;",
      "@LakeTable(name = \"web.clicks\")",
      "@Partition(source = \"at\", transform = Transform.HOUR)",
      "@Partition(source = \"url\", transform = Transform.VOID)",
      "public class Click {",
      "  @Id long id;",
      "  @Partition(transform = Transform.YEAR) LocalDate day;",
      "  @Partition(transform = Transform.MONTH) LocalDateTime local;",
      "  @Partition(transform = Transform.DAY) OffsetDateTime offset;",
      "  Instant at;",
      "  @Partition(transform = Transform.BUCKET, buckets = 8) String user;",
      "  @Partition(transform = Transform.TRUNCATE, width = 10) @Decimal(precision = 10, scale = 2) BigDecimal price;",
      "  @Partition String country;",
      "  String url;",
      "}");

  private static JavaFileObject avro(String table, String record) {
    return source("com.example.Avro", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"" + table + "\", avro = \"" + record + "\")",
        "@Partition(source = \"id\", transform = Transform.BUCKET, buckets = 4)", "interface Avro {}");
  }

  static Stream<Arguments> declarations() {
    JavaFileObject aliasHistory = source("com.example.m.V0000_CreateUsers", "package com.example.m;",
        "import dev.lake.annotations.*;", "@Migration(table = \"db.users\", step = 0)",
        "@AddColumn(name = \"id\", type = \"long\", required = true)",
        "@AddColumn(name = \"full_name\", type = \"string\", required = true)",
        "public final class V0000_CreateUsers implements LakeMigration {}");
    return Stream.of(
        Arguments.of("class with every partition transform", List.of(EVERY_TRANSFORM), "V0000_CreateClicks.java"),
        Arguments.of("avsc", List.of(avro("db.users", "com.acme.User")), "V0000_CreateUsers.java"),
        Arguments.of("avdl", List.of(avro("analytics.events", "com.acme.events.Event")), "V0000_CreateEvents_avdl.java"),
        Arguments.of("avpr", List.of(avro("sales.orders", "com.acme.orders.Order")), "V0000_CreateOrders.java"),
        Arguments.of("rename from an Avro alias", List.of(avro("db.users", "com.acme.User"), aliasHistory),
            "V0001_RenameFullNameAdd.java"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("declarations")
  void generatedSourceIsGoldenAndHasNoDrift(String name, List<JavaFileObject> sources, String golden)
      throws IOException, URISyntaxException {
    Path avro = Path.of(GoldenTest.class.getResource("/avro-corpus").toURI());
    List<String> options = List.of("-Alake.avroDirectory=" + avro, "-Alake.generate=true",
        "-Alake.generateDirectory=" + dir, "-Alake.author=jdoe");
    Compilation generated = Sources.compile(options, sources);
    assertThat(generated).succeeded();
    Path written;
    try (Stream<Path> files = Files.walk(dir)) {
      written = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Sources.assertGolden(written, golden);

    List<JavaFileObject> all = new ArrayList<>(sources);
    all.addAll(Sources.javaFilesIn(dir));
    Compilation again = Sources.compile(List.of("-Alake.avroDirectory=" + avro, "-Alake.drift=error"), all);
    assertThat(again).succeeded();
    // No drift is left; a generated step that requires columns of an existing table is warned about.
    org.assertj.core.api.Assertions.assertThat(again.warnings()).allSatisfy(warning -> org.assertj.core.api.Assertions
        .assertThat(warning.getMessage(null)).contains("fails when the table holds rows with no value for it"));
  }
}
