package dev.lake.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate, compile, no drift: over a multi-step evolution, with golden generated sources. */
class GenerateTest {
  @TempDir
  Path dir;

  private List<String> generate(String... more) {
    List<String> options = new java.util.ArrayList<>(List.of("-Alake.generate=true",
        "-Alake.generateDirectory=" + dir, "-Alake.author=jdoe", "-Alake.reason=ANA-142"));
    options.addAll(List.of(more));
    return options;
  }

  private Path only(String glob) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> matches = files.filter(f -> f.getFileName().toString().matches(glob)).toList();
      assertThat(matches).hasSize(1);
      return matches.get(0);
    }
  }

  @Test
  void generateCompileNoDriftOverAnEvolution() throws IOException {
    Compilation first = Sources.compile(generate(), Sources.EVENTS_V1);
    assertThat(first).succeeded();
    assertThat(first).hadNoteContaining("(step 0 of analytics.events)");
    Path step0 = only("V0000_.*\\.java");
    assertThat(dir.relativize(step0).toString())
        .isEqualTo("com/example/migrations/analytics/events/V0000_CreateEvents.java");
    Sources.assertGolden(step0, "V0000_CreateEvents.java");

    Compilation clean = Sources.compile(List.of(), Sources.plus(Sources.javaFilesIn(dir), Sources.EVENTS_V1));
    assertThat(clean).succeededWithoutWarnings();

    Compilation refused = Sources.compile(generate(), Sources.plus(Sources.javaFilesIn(dir), Sources.EVENTS_V2));
    assertThat(refused).hadErrorContaining("The next migration of analytics.events would lose data (drop column tags)");
    assertThat(refused).hadErrorContaining("-Dlake.allowDestructive");

    Compilation second = Sources.compile(generate("-Alake.allowDestructive=true"),
        Sources.plus(Sources.javaFilesIn(dir), Sources.EVENTS_V2));
    assertThat(second).succeeded();
    Path step1 = only("V0001_.*\\.java");
    Sources.assertGolden(step1, step1.getFileName().toString());

    Compilation done = Sources.compile(List.of("-Alake.drift=error"),
        Sources.plus(Sources.javaFilesIn(dir), Sources.EVENTS_V2));
    assertThat(done).succeededWithoutWarnings();
  }

  @Test
  void sameInputSameBytes() throws IOException {
    assertThat(Sources.compile(generate(), Sources.EVENTS_V1)).succeeded();
    String once = Files.readString(only("V0000_.*\\.java"));
    Files.delete(only("V0000_.*\\.java"));
    assertThat(Sources.compile(generate(), Sources.EVENTS_V1)).succeeded();
    assertThat(Files.readString(only("V0000_.*\\.java"))).isEqualTo(once);
  }

  @Test
  void noDriftNoFile() throws IOException {
    assertThat(Sources.compile(generate(), Sources.EVENTS_V1)).succeeded();
    List<JavaFileObject> sources = Sources.plus(Sources.javaFilesIn(dir), Sources.EVENTS_V1);
    Compilation again = Sources.compile(generate(), sources);
    assertThat(again).succeededWithoutWarnings();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
    }
  }
}
