package dev.lake.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN §2: the core packages never use a table-format, Avro, Hadoop or Maven type. */
class CoreIsolationTest {
  private static final Path CORE = Path.of("src/main/java/dev/lake/core");
  private static final Pattern FORBIDDEN =
      Pattern.compile("\\b(org\\.apache\\.(iceberg|avro|hadoop|maven)|io\\.delta|software\\.amazon)\\.");

  @Test
  void corePackagesUseNoFormatAvroOrMavenType() throws IOException {
    assertThat(CORE).isDirectory();
    List<String> violations;
    List<Path> sources;
    try (Stream<Path> files = Files.walk(CORE)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    violations = sources.stream().flatMap(file -> {
      try {
        List<String> lines = Files.readAllLines(file);
        return java.util.stream.IntStream.range(0, lines.size())
            .filter(i -> FORBIDDEN.matcher(lines.get(i)).find())
            .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    assertThat(sources).hasSizeGreaterThan(20);
    assertThat(violations).isEmpty();
  }
}
