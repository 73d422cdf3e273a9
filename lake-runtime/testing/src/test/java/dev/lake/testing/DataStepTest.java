package dev.lake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.Sql;
import dev.lake.core.change.SqlStatement;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.Resolver;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data steps as the resolver reads them, and as the engine treats them before any runner runs. */
class DataStepTest {
  @TempDir
  Path dir;

  @Migration(table = "db.t", step = 0)
  @AddColumn(name = "id", type = "long", required = true)
  static final class Create implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @AddColumn(name = "v", type = "int")
  @Sql("UPDATE {table} SET v = 1")
  @Sql("UPDATE {table} SET v = v + 1 WHERE id > 10")
  static final class Fill implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @AddColumn(name = "v", type = "int")
  @Sql("UPDATE {table} SET v = v + 1 WHERE id > 10")
  @Sql("UPDATE {table} SET v = 1")
  static final class FillReordered implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @AddColumn(name = "v", type = "int")
  static final class NoFill implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @AddColumn(name = "v", type = "int")
  static final class FillInCode implements dev.lake.spark.SparkMigration {}

  @Test
  void aMigrationThatImplementsSparkMigrationHasSparkCode() {
    assertThat(Resolver.migration(FillInCode.class).sparkCode()).isTrue();
    assertThat(Resolver.migration(FillInCode.class).hasData()).isTrue();
    assertThat(Resolver.migration(Fill.class).sparkCode()).isFalse();
  }

  @Test
  void withoutLakeSparkAMigrationInSparkCodeSaysWhatToAdd() throws Exception {
    ClassLoader withoutSpark = new ClassLoader(getClass().getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("dev.lake.spark.")) {
          throw new ClassNotFoundException(name);
        }
        if (name.equals(FillInCode.class.getName())) {
          synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
              return loaded;
            }
            try (var in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
              byte[] bytes = in.readAllBytes();
              return defineClass(name, bytes, 0, bytes.length);
            } catch (java.io.IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
        }
        return super.loadClass(name, resolve);
      }
    };
    dev.lake.core.index.LakeIndex.write(dir, List.of(new dev.lake.core.index.LakeIndex.Entry(TableName.parse("db.t"),
        "iceberg", java.util.Optional.empty(), List.of(Create.class.getName(), FillInCode.class.getName()), "test")));
    ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, withoutSpark);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Resolver.resolve(loader))
        .hasMessageContaining("Cannot load migration class " + FillInCode.class.getName() + " of db.t: it implements "
            + "dev.lake.spark.SparkMigration, which is not on the class path: add dev.lake:lake-spark to the "
            + "lake-maven-plugin's <dependencies>");
  }

  @Test
  void theResolverReadsStatementsInTheOrderWrittenAndTheChecksumCoversThem() {
    ResolvedMigration fill = Resolver.migration(Fill.class);
    assertThat(fill.step().sql()).extracting(SqlStatement::text)
        .containsExactly("UPDATE {table} SET v = 1", "UPDATE {table} SET v = v + 1 WHERE id > 10");
    assertThat(fill.hasData()).isTrue();
    assertThat(Resolver.migration(NoFill.class).hasData()).isFalse();
    assertThat(fill.step().checksum()).isNotEqualTo(Resolver.migration(FillReordered.class).step().checksum())
        .isNotEqualTo(Resolver.migration(NoFill.class).step().checksum());
    assertThat(new SqlStatement("UPDATE {table} SET v = 1").resolve("`lake`.`db`.`t`"))
        .isEqualTo("UPDATE `lake`.`db`.`t` SET v = 1");
  }

  private Engine engine(InMemoryTableFormat format, Class<?>... migrations) {
    Map<TableName, ResolvedTable> tables = TestIndex.resolve(dir, "db.t", List.of(migrations));
    return new Engine(format, tables, getClass().getClassLoader(), Clock.systemUTC(), "tester");
  }

  @Test
  void aFormatWithoutStagingRefusesADataStepBeforeChangingAnything() {
    InMemoryTableFormat format = new InMemoryTableFormat("test", new InMemoryTableFormat.Store(), FormatRules.ICEBERG);
    assertThat(engine(format, Create.class).migrate(MigrateOptions.defaults()).success()).isTrue();
    DataStepRunner never = work -> {
      throw new AssertionError("ran " + work);
    };

    MigrateResult result = engine(format, Create.class, Fill.class).withDataRunner(never)
        .migrate(MigrateOptions.defaults());

    assertThat(result.messages().get(TableName.parse("db.t"))).startsWith("Cannot apply step 1 of db.t in catalog "
        + "'test'").contains(Fill.class.getName() + " has data work, and iceberg tables cannot run data steps in Lake "
        + "yet").contains("Run the data work outside Lake");
    assertThat(format.load(TableName.parse("db.t")).orElseThrow().state().step()).isZero();
    assertThat(format.load(TableName.parse("db.t")).orElseThrow().model().columns()).extracting(c -> c.name())
        .containsExactly("id");
  }

  @Test
  void aSchemaOnlyRunAppliesTheSchemaOfADataStepAndRunsNothing() {
    InMemoryTableFormat format = new InMemoryTableFormat("test", new InMemoryTableFormat.Store(), FormatRules.ICEBERG);
    MigrateResult result = engine(format, Create.class, Fill.class).migrate(MigrateOptions.defaults()
        .withSchemaOnly(true));
    assertThat(result.messages()).isEmpty();
    assertThat(format.load(TableName.parse("db.t")).orElseThrow().state().step()).isEqualTo(1);
    assertThat(format.load(TableName.parse("db.t")).orElseThrow().model().columns()).extracting(c -> c.name())
        .containsExactly("id", "v");
  }

  @Test
  void aDryRunListsTheStatements() {
    InMemoryTableFormat format = new InMemoryTableFormat("test", new InMemoryTableFormat.Store(), FormatRules.ICEBERG);
    MigrateResult plan = engine(format, Create.class, Fill.class).migrate(MigrateOptions.defaults().withDryRun(true));
    assertThat(plan.planned().get(1).changes()).containsExactly("add column v int", "SQL: UPDATE {table} SET v = 1",
        "SQL: UPDATE {table} SET v = v + 1 WHERE id > 10");
  }

  @Test
  void pendingDataIsPartOfTheRecordedState() {
    AppliedState pending = AppliedState.NONE.next(new dev.lake.core.engine.StepRecord(0, "00000000000000aa",
        "applied", "2026-01-01T00:00:00Z", "ci", "", "", "", false, null)).withDataPending("00000000000000bb");
    AppliedState read = AppliedState.fromProperties("db.t", pending.toProperties());
    assertThat(read).isEqualTo(pending);
    assertThat(read.pendingStep()).contains(1);
    assertThat(read.pendingChecksum()).isEqualTo("00000000000000bb");
    assertThat(read.withoutDataPending().pendingStep()).isEmpty();
    assertThat(AppliedState.NONE.withDataPending("00000000000000cc").isNone()).isFalse();
  }
}
