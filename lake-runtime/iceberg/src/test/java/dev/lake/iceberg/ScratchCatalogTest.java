package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import dev.lake.testing.EventsMigrations;
import dev.lake.testing.OperationsMigrations;
import dev.lake.testing.TestIndex;
import dev.lake.testing.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lake:check} applies histories to Iceberg's in-memory catalog instead of the embedded one: the
 * two must agree, on histories Iceberg accepts (the same tables) and on histories it rejects (the same
 * message), and the in-memory one must write no file.
 */
class ScratchCatalogTest {
  private static final TableName T = TableName.parse("db.t");

  @TempDir
  Path dir;

  record Corpus(String name, Map<TableName, ResolvedTable> tables, boolean accepted) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Corpus> corpus() throws Exception {
    Path classes = Files.createTempDirectory("lake-scratch-corpus");
    return Stream.of(
        new Corpus("every operation", TestIndex.resolve(classes.resolve("a"), "analytics.events",
            EventsMigrations.ALL), true),
        new Corpus("adds, a rename and a drop", TestIndex.resolve(classes.resolve("b"), "analytics.events",
            OperationsMigrations.WITH_DROP), true),
        new Corpus("3 tables x 12 steps", Workload.of(3, 12), true),
        new Corpus("timestamp_ns on format version 2", history(
            List.of(Change.AddColumn.of("", "id", "long", true, "", "", false)),
            List.of(Change.AddColumn.of("", "at", "timestamp_ns", false, "", "", false))), false),
        new Corpus("format version taken back", history(
            List.of(Change.AddColumn.of("", "id", "long", true, "", "", false),
                new Change.SetProperty("format-version", "3")),
            List.of(new Change.SetProperty("format-version", "2"))), false),
        new Corpus("a double identifier column", history(
            List.of(Change.AddColumn.of("", "id", "double", true, "", "", false),
                new Change.SetIdentifierColumns(List.of("id")))), false));
  }

  @SafeVarargs
  private static Map<TableName, ResolvedTable> history(List<Change>... steps) {
    List<ResolvedMigration> migrations = new ArrayList<>();
    for (int s = 0; s < steps.length; s++) {
      migrations.add(new ResolvedMigration(Step.of(T, s, steps[s]), "db.V" + s, "step " + s, "", "", false, false));
    }
    History history = History.of(T, migrations.stream().map(ResolvedMigration::step).toList(), FormatRules.ICEBERG);
    return Map.of(T, new ResolvedTable(T, migrations, history, Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void theInMemoryCheckAgreesWithARealCatalog(Corpus corpus) throws Exception {
    Map<String, String> onDisk;
    Map<String, String> inMemory;
    Path scratchDir = dir.resolve("scratch");
    try (TableFormat<?> embedded = IcebergCatalogs.embedded("check", dir.resolve("embedded"));
        TableFormat<?> scratch = new IcebergFormatProvider().openScratch("check", scratchDir)) {
      onDisk = messages(embedded, corpus.tables());
      inMemory = messages(scratch, corpus.tables());
      if (corpus.accepted()) {
        for (TableName table : corpus.tables().keySet()) {
          assertThat(Engine.differences(embedded.load(table).orElseThrow().model(),
              scratch.load(table).orElseThrow().model(), FormatRules.ICEBERG)).isEmpty();
        }
      }
    }
    assertThat(inMemory).isEqualTo(onDisk);
    if (corpus.accepted()) {
      assertThat(onDisk).isEmpty();
    } else {
      assertThat(onDisk).isNotEmpty();
    }
    assertThat(Files.exists(scratchDir)).as("the in-memory catalog writes nothing").isFalse();
  }

  /** The failures' messages, the catalog's name left out. */
  private static Map<String, String> messages(TableFormat<?> format, Map<TableName, ResolvedTable> tables) {
    MigrateResult result = new Engine(format, tables, ScratchCatalogTest.class.getClassLoader(), Clock.systemUTC(),
        "check").migrate(MigrateOptions.defaults().withAllowDestructive(true));
    Map<String, String> messages = new LinkedHashMap<>();
    result.messages().forEach((table, message) -> messages.put(table.toString(),
        message.replace(format.catalog(), "<catalog>")));
    return messages;
  }
}
