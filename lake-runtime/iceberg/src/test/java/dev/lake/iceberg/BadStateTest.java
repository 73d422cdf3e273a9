package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import dev.lake.testing.EventsMigrations;
import dev.lake.testing.TestIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad catalog state and bad run options, one row each, on the embedded catalog: the message names the
 * table, step and catalog and the fix, and the table is exactly as it was (no metadata version added).
 */
class BadStateTest {
  private static final TableName EVENTS = TableName.parse("analytics.events");

  @TempDir
  Path dir;

  /** The table at step 0 of {@link EventsMigrations}, in the embedded catalog of a directory. */
  record Fixture(Path dir, Map<TableName, ResolvedTable> tables) {
    IcebergTableFormat open() {
      return IcebergCatalogs.embedded("test", dir.resolve("embedded"));
    }

    Engine engine(IcebergTableFormat format) {
      return new Engine(format, tables, BadStateTest.class.getClassLoader(), Clock.systemUTC(), "tester");
    }

    Table table(IcebergTableFormat format) {
      return format.icebergCatalog().loadTable(IcebergTableFormat.identifier(EVENTS));
    }
  }

  /** One bad input: what to break, what to run, and the words the message must have. */
  record Row(String name, Consumer<Fixture> breakIt, Function<Fixture, String> run, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Runs a migration and returns its failure message for the table. */
  private static Function<Fixture, String> migrate(MigrateOptions options) {
    return fixture -> {
      try (IcebergTableFormat format = fixture.open()) {
        return fixture.engine(format).migrate(options).messages().get(EVENTS);
      }
    };
  }

  private static Function<Fixture, String> validate() {
    return fixture -> {
      try (IcebergTableFormat format = fixture.open()) {
        return String.join("\n", fixture.engine(format).validate(TableFilter.parse(null)));
      }
    };
  }

  private static Function<Fixture, String> baseline(String tables, int step) {
    return fixture -> {
      try (IcebergTableFormat format = fixture.open()) {
        fixture.engine(format).baseline(TableFilter.parse(tables), step);
        return "no failure";
      } catch (LakeException e) {
        return e.getMessage();
      }
    };
  }

  private static Function<Fixture, String> opening() {
    return fixture -> {
      try (IcebergTableFormat format = fixture.open()) {
        return "opened";
      } catch (LakeException e) {
        return e.getMessage();
      }
    };
  }

  private static Consumer<Fixture> setProperty(String key, String value) {
    return fixture -> {
      try (IcebergTableFormat format = fixture.open()) {
        fixture.table(format).updateProperties().set(key, value).commit();
      }
    };
  }

  private static final Consumer<Fixture> NOTHING = fixture -> { };

  static Stream<Row> rows() {
    return Stream.of(
        new Row("a step number edited by hand", setProperty("lake.migration.step", "abc"),
            migrate(MigrateOptions.defaults()), "Unreadable migration state in table analytics.events: "
                + "lake.migration.step=abc"),
        new Row("a checksum list that lost an entry", setProperty("lake.migration.checksums", ""),
            migrate(MigrateOptions.defaults()), "Unreadable migration state in table analytics.events"),
        new Row("a recorded checksum edited by hand", setProperty("lake.migration.checksums", "0000000000000000"),
            validate(), "Checksum mismatch for step 0 of analytics.events in catalog 'test' (embedded): applied "
                + "0000000000000000"),
        new Row("a column added by hand", fixture -> {
          try (IcebergTableFormat format = fixture.open()) {
            fixture.table(format).updateSchema().addColumn("by_hand", Types.StringType.get()).commit();
          }
        }, migrate(MigrateOptions.defaults()), "was changed outside Lake (live drift): add column by_hand string"),
        new Row("a target beyond the last step", NOTHING, migrate(MigrateOptions.defaults().withTarget(9)),
            "Cannot migrate analytics.events in catalog 'test' (embedded) to step 9: the code has steps 0 to 3 "
                + "(check -Dlake.target)"),
        new Row("a target below the applied step", fixture -> migrate(MigrateOptions.defaults().withTarget(1))
            .apply(fixture), migrate(MigrateOptions.defaults().withTarget(0)), "to step 0: it is at step 1, and "
                + "migrate never takes a table back"),
        new Row("a table filter that matches nothing", NOTHING, fixture -> {
          try (IcebergTableFormat format = fixture.open()) {
            fixture.engine(format).migrate(MigrateOptions.defaults().withTables("sales.*"));
            return "no failure";
          } catch (LakeException e) {
            return e.getMessage();
          }
        }, "No table matches 'sales.*' (tables: analytics.events)"),
        new Row("a baseline beyond the code", NOTHING, baseline("analytics.events", 7),
            "Cannot baseline analytics.events in catalog 'test' (embedded) at step 7: the code has steps 0 to 3"),
        new Row("a baseline of a managed table", NOTHING, baseline("analytics.events", 0),
            "Cannot baseline analytics.events in catalog 'test' (embedded): it is already managed by Lake at step 0"),
        new Row("an unmarked destructive step compiled elsewhere", NOTHING, fixture -> {
          try (IcebergTableFormat format = fixture.open()) {
            ResolvedTable events = fixture.tables().get(EVENTS);
            List<ResolvedMigration> migrations = List.of(events.migrations().get(0), new ResolvedMigration(
                Step.of(EVENTS, 1, List.of(new Change.DropColumn("tags"))), "com.example.V0001_Drop", "drop", "", "",
                false, false));
            ResolvedTable table = new ResolvedTable(EVENTS, migrations, History.of(EVENTS,
                migrations.stream().map(ResolvedMigration::step).toList(), FormatRules.ICEBERG), Optional.empty());
            return new Engine(format, Map.of(EVENTS, table), BadStateTest.class.getClassLoader(), Clock.systemUTC(),
                "tester").migrate(MigrateOptions.defaults()).messages().get(EVENTS);
          }
        }, "Refusing step 1 of analytics.events in catalog 'test' (embedded): it loses data (drop column tags) but "
            + "com.example.V0001_Drop is not marked @Migration(destructive = true)"),
        new Row("an embedded catalog file that is not SQLite", fixture -> {
          try {
            Path database = fixture.dir().resolve("broken/catalog.db");
            Files.createDirectories(database.getParent());
            Files.writeString(database, "this is not a database, it is a note");
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }, fixture -> {
          try (IcebergTableFormat format = IcebergCatalogs.embedded("test", fixture.dir().resolve("broken"))) {
            return "opened";
          } catch (LakeException e) {
            return e.getMessage();
          }
        }, "catalog.db is not usable"),
        new Row("an embedded directory that is a file", fixture -> {
          try {
            Files.writeString(fixture.dir().resolve("taken"), "a file where the catalog would go");
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }, fixture -> {
          try (IcebergTableFormat format = IcebergCatalogs.embedded("test", fixture.dir().resolve("taken"))) {
            return "opened";
          } catch (LakeException e) {
            return e.getMessage();
          }
        }, "it must be a directory Lake can write; -Dlake.embeddedDirectory moves it"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void saysWhatWhereAndHowToFixAndCommitsNothing(Row row) {
    Fixture fixture = new Fixture(dir, TestIndex.resolve(dir.resolve("classes"), EVENTS.toString(),
        EventsMigrations.ALL));
    try (IcebergTableFormat format = fixture.open()) {
      assertThat(fixture.engine(format).migrate(MigrateOptions.defaults().withTarget(0)).messages()).isEmpty();
    }
    row.breakIt().accept(fixture);
    String before = metadataLocation(fixture);

    String message = row.run().apply(fixture);

    assertThat(message).as(row.name()).isNotNull().contains(row.message());
    assertThat(message).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(metadataLocation(fixture)).as("nothing was committed").isEqualTo(before);
  }

  private static String metadataLocation(Fixture fixture) {
    try (IcebergTableFormat format = fixture.open()) {
      return ((HasTableOperations) fixture.table(format)).operations().current().metadataFileLocation();
    }
  }
}
