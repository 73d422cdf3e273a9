package dev.lake.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Test sources as users write them, and compiling them with the processor. */
final class Sources {
  private Sources() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Compilation compile(List<String> options, List<JavaFileObject> sources) {
    return Compiler.javac().withProcessors(new LakeProcessor()).withOptions(options).compile(sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return compile(options, List.of(sources));
  }

  /** Every {@code .java} file below a directory, as sources. */
  static List<JavaFileObject> javaFilesIn(Path directory) {
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  /**
   * Asserts that a generated file equals its golden file in {@code src/test/resources/golden}. A file
   * with no golden yet is left in {@code target/golden-candidates} for a reviewer to accept.
   */
  static void assertGolden(Path written, String golden) throws IOException {
    String expected;
    try (java.io.InputStream in = Sources.class.getResourceAsStream("/golden/" + golden)) {
      if (in == null) {
        Path candidate = Path.of("target/golden-candidates", golden);
        Files.createDirectories(candidate.getParent());
        Files.copy(written, candidate, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      org.assertj.core.api.Assertions.assertThat(in).as("golden file %s: review target/golden-candidates/%s and "
          + "copy it to src/test/resources/golden/", golden, golden).isNotNull();
      expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    org.assertj.core.api.Assertions.assertThat(Files.readString(written)).isEqualTo(expected);
  }

  static List<JavaFileObject> plus(List<JavaFileObject> sources, JavaFileObject... more) {
    List<JavaFileObject> all = new ArrayList<>(sources);
    all.addAll(List.of(more));
    return all;
  }

  /** The events declaration, first version. */
  static final JavaFileObject EVENTS_V1 = source("com.example.Event",
      "package com.example;",
      "",
      "import dev.lake.annotations.*;",
      "import java.time.Instant;",
      "import java.util.List;",
      "import java.util.Map;",
      "import java.util.UUID;",
      "",
      "@LakeTable(name = \"analytics.events\", naming = Naming.SNAKE_CASE)",
      "@Property(key = \"write.format.default\", value = \"parquet\")",
      "@Partition(source = \"device.os\", transform = Transform.IDENTITY)",
      "public record Event(",
      "    @Id long eventId,",
      "    @Partition(transform = Transform.DAY) @SortBy(direction = SortBy.Direction.DESC) Instant ts,",
      "    @Column(doc = \"what happened\") String name,",
      "    int count,",
      "    Device device,",
      "    List<String> tags,",
      "    Map<String, Float> attrs) {",
      "",
      "  public record Device(@Required String os, String model) {}",
      "}");

  /** The events declaration after an evolution that uses every kind of change. */
  static final JavaFileObject EVENTS_V2 = source("com.example.Event",
      "package com.example;",
      "",
      "import dev.lake.annotations.*;",
      "import java.time.Instant;",
      "import java.util.List;",
      "import java.util.Map;",
      "import java.util.Optional;",
      "",
      "@LakeTable(name = \"analytics.events\", naming = Naming.SNAKE_CASE)",
      "@Property(key = \"write.format.default\", value = \"orc\")",
      "@Property(key = \"owner\", value = \"analytics\")",
      "@Partition(source = \"event_id\", transform = Transform.BUCKET, buckets = 16)",
      "public record Event(",
      "    @Id long eventId,",
      "    @Column(formerly = \"ts\") @Partition(transform = Transform.HOUR) @SortBy Instant eventTime,",
      "    @Column(doc = \"what happened\") Optional<String> name,",
      "    long count,",
      "    Device device,",
      "    Map<String, Double> attrs) {",
      "",
      "  public record Device(String os, String model, String locale) {}",
      "}");
}
