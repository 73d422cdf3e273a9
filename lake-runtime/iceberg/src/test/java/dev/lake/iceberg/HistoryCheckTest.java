package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.UpdateColumnType;
import dev.lake.core.engine.HistoryCheck;
import dev.lake.core.engine.Resolver;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import dev.lake.testing.EventsMigrations;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lake:check} runs the histories in a JVM of its own: it must find exactly what the check in
 * the build's own JVM finds, on histories Iceberg accepts and on one it rejects.
 */
class HistoryCheckTest {
  @TempDir
  Path dir;

  @Migration(table = "db.nanos", step = 0)
  @AddColumn(name = "id", type = "long", required = true)
  public static final class V0000_Create implements LakeMigration {}

  @Migration(table = "db.ok", step = 0)
  @AddColumn(name = "id", type = "long", required = true)
  @AddColumn(name = "n", type = "int")
  public static final class V0000_CreateOk implements LakeMigration {}

  @Migration(table = "db.ok", step = 1)
  @UpdateColumnType(path = "n", type = "long")
  public static final class V0001_WidenOk implements LakeMigration {}

  /** Iceberg refuses timestamp_ns on a table of format version 2. */
  @Migration(table = "db.nanos", step = 1)
  @AddColumn(name = "at", type = "timestamp_ns")
  public static final class V0001_AddNanos implements LakeMigration {}

  /** Compiled migrations of three tables and the index that lists them, as a project's classes. */
  private ClassLoader project() throws IOException {
    Path classes = dir.resolve("compiled classes");
    LakeIndex.write(classes, List.of(
        new LakeIndex.Entry(TableName.parse("analytics.events"), FormatRules.DEFAULT_FORMAT, Optional.empty(),
            EventsMigrations.ALL.stream().map(Class::getName).toList(), "test"),
        new LakeIndex.Entry(TableName.parse("db.ok"), FormatRules.DEFAULT_FORMAT, Optional.empty(),
            List.of(V0000_CreateOk.class.getName(), V0001_WidenOk.class.getName()), "test"),
        new LakeIndex.Entry(TableName.parse("db.nanos"), FormatRules.DEFAULT_FORMAT, Optional.empty(),
            List.of(V0000_Create.class.getName(), V0001_AddNanos.class.getName()), "test")));
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void theForkedCheckFindsWhatTheCheckInThisJvmFinds() throws IOException {
    ClassLoader loader = project();

    HistoryCheck.Outcome here = HistoryCheck.run(Resolver.resolve(loader), dir.resolve("here"), loader,
        getClass().getClassLoader());
    HistoryCheck.Outcome forked = HistoryCheck.forked(dir.resolve("forked"), null, loader);

    assertThat(here.tables()).isEqualTo(3);
    assertThat(here.problems()).singleElement().asString()
        .contains("step 1 of db.nanos").contains("timestamp_ns");
    assertThat(forked).isEqualTo(here);
    assertThat(dir.resolve("forked/worker.log")).exists();
  }

  @Test
  void theForkedCheckChecksTheTablesItIsGiven() throws IOException {
    ClassLoader loader = project();

    // A space in its paths, as in a project under "My Projects".
    HistoryCheck.Outcome forked = HistoryCheck.forked(dir.resolve("forked check"), "analytics.*,db.ok", loader);

    assertThat(forked).isEqualTo(new HistoryCheck.Outcome(2, List.of()));
  }

  @Test
  void aBrokenHistoryIsAProblemNotACrash() throws IOException {
    Path classes = dir.resolve("classes");
    LakeIndex.write(classes, List.of(new LakeIndex.Entry(TableName.parse("db.nanos"), FormatRules.DEFAULT_FORMAT,
        Optional.empty(), List.of(V0001_AddNanos.class.getName()), "test")));
    ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());

    HistoryCheck.Outcome forked = HistoryCheck.forked(dir.resolve("forked"), null, loader);

    assertThat(forked.tables()).isZero();
    assertThat(forked.problems()).singleElement().asString().startsWith("Broken migration history:")
        .contains("db.nanos");
  }

  @Test
  void aWorkerThatStopsWithoutAnAnswerIsAnErrorPointingAtItsOutput() throws IOException {
    // An index the worker cannot read: a JVM that stops with an exception, not an answer.
    Path classes = Files.createDirectories(dir.resolve("classes/META-INF/lake"));
    Files.writeString(classes.resolve("index.json"), "{\"format\": 99}");
    ClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
        getClass().getClassLoader());

    assertThatThrownBy(() -> HistoryCheck.forked(dir.resolve("forked"), null, loader))
        .hasMessageContaining("stopped with exit code 1 without an answer")
        .hasMessageContaining(dir.resolve("forked/worker.log").toString())
        .hasMessageContaining("Unsupported Lake index");
  }
}
