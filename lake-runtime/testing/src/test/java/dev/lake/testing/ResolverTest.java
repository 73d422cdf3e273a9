package dev.lake.testing;

import dev.lake.testing.TestIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.Resolver;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverTest {
  @TempDir
  Path dir;

  @Test
  void readsTheIndexAndTheCompiledMigrations() throws Exception {
    TableModel declared = TableModel.builder("analytics.events").required("id", "long").build();
    LakeIndex.write(dir, List.of(new LakeIndex.Entry(TableName.parse("analytics.events"), "iceberg", Optional.of(declared),
        EventsMigrations.ALL.stream().map(Class::getName).toList(), "test")));
    Map<TableName, ResolvedTable> tables = Resolver.resolve(new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader()));
    ResolvedTable events = tables.get(TableName.parse("analytics.events"));
    assertThat(events.declared()).contains(declared);
    assertThat(events.migrations()).extracting(m -> m.step().number()).containsExactly(0, 1, 2, 3);
    assertThat(events.migrations().get(0).author()).isEqualTo("jdoe");
    assertThat(events.migrations().get(2).markedDestructive()).isTrue();
    assertThat(events.migrations().get(0).hasCode()).isFalse();
    assertThat(events.format()).isEqualTo("iceberg");
    assertThat(Resolver.migration(TableFormatContract.FailingStep.class).hasCode()).isTrue();
  }

  @Test
  void aTableOfAnUnknownFormatIsReported() {
    assertThatThrownBy(() -> TestIndex.resolve(dir, "db.t", "hudi", List.of(StepZero.class)))
        .isInstanceOf(LakeException.class)
        .hasMessageContaining("db.t has format 'hudi', which this version of Lake does not know (known: delta, iceberg)");
  }

  @Test
  void everyProblemOfAHistoryIsReportedAtOnce() {
    assertThatThrownBy(() -> TestIndex.resolve(dir, "db.t", List.of(StepOne.class, NotAMigration.class,
        WrongTable.class)))
        .isInstanceOf(LakeException.class)
        .hasMessageContaining("Broken migration history:")
        .hasMessageContaining(NotAMigration.class.getName() + " is not annotated @Migration")
        .hasMessageContaining(WrongTable.class.getName() + " migrates db.other but is listed under db.t")
        .hasMessageContaining("db.t step 1: Missing step 0: steps are numbered 0, 1, 2, ... without gaps");
  }

  @Test
  void aMissingClassSaysHowToFixIt() throws Exception {
    LakeIndex.write(dir, List.of(new LakeIndex.Entry(TableName.parse("db.t"), "iceberg", Optional.empty(),
        List.of("com.example.V0000_Gone"), "test")));
    assertThatThrownBy(() -> Resolver.resolve(new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())))
        .hasMessageContaining("Cannot load migration class com.example.V0000_Gone of db.t (listed in the index but "
            + "not compiled; run 'mvn compile')");
  }

  @Test
  void aStepThatBreaksAReplayRuleIsReported() {
    assertThatThrownBy(() -> TestIndex.resolve(dir, "db.t", List.of(StepZero.class, BadPromotion.class)))
        .hasMessageContaining("db.t step 1: Cannot change column type: n: long -> int");
  }

  @Test
  void anInvalidAnnotationValueNamesTheClass() {
    assertThatThrownBy(() -> TestIndex.resolve(dir, "db.t", List.of(BadType.class)))
        .hasMessageContaining(BadType.class.getName() + " (step 0 of db.t): Invalid @AddColumn: Cannot parse type "
            + "'lng'");
  }

  @Test
  void aTableDeclaredInTwoModulesIsAnError() throws Exception {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    for (Path module : List.of(one, two)) {
      LakeIndex.write(module, List.of(new LakeIndex.Entry(TableName.parse("db.t"), "iceberg", Optional.empty(), List.of(),
          module.toString())));
    }
    assertThatThrownBy(() -> Resolver.resolve(new URLClassLoader(new URL[] {one.toUri().toURL(),
        two.toUri().toURL()}, getClass().getClassLoader())))
        .hasMessageContaining("Table db.t is declared twice").hasMessageContaining("declare each table in one module");
  }

  @Migration(table = "db.t", step = 0)
  @AddColumn(name = "n", type = "long")
  static final class StepZero implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @AddColumn(name = "m", type = "long")
  static final class StepOne implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @dev.lake.annotations.UpdateColumnType(path = "n", type = "int")
  static final class BadPromotion implements LakeMigration {}

  @Migration(table = "db.t", step = 0)
  @AddColumn(name = "n", type = "lng")
  static final class BadType implements LakeMigration {}

  static final class NotAMigration implements LakeMigration {}

  @Migration(table = "db.other", step = 0)
  @AddColumn(name = "n", type = "long")
  static final class WrongTable implements LakeMigration {}
}
