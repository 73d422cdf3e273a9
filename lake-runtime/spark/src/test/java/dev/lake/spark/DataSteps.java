package dev.lake.spark;

import dev.lake.core.change.Change;
import dev.lake.core.change.SqlStatement;
import dev.lake.core.change.Step;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Histories with data steps, built as the resolver builds them from compiled migrations. */
final class DataSteps {
  private final TableName name;
  private final List<ResolvedMigration> migrations = new ArrayList<>();

  private DataSteps(String name) {
    this.name = TableName.parse(name);
  }

  static DataSteps table(String name) {
    return new DataSteps(name);
  }

  /** A step of changes alone. */
  DataSteps step(Change... changes) {
    return step(List.of(changes), List.of());
  }

  /** A step of changes and statements. */
  DataSteps step(List<Change> changes, List<String> sql) {
    int number = migrations.size();
    migrations.add(new ResolvedMigration(Step.of(name, number, changes, sql.stream().map(SqlStatement::new).toList()),
        "test.V" + number, "step " + number, "", "", false, false, false));
    return this;
  }

  /** A step whose data work is the Spark code of {@code type}. */
  DataSteps sparkStep(Class<? extends SparkMigration> type, Change... changes) {
    int number = migrations.size();
    migrations.add(new ResolvedMigration(Step.of(name, number, Arrays.asList(changes), List.of()), type.getName(),
        "step " + number, "", "", false, false, true));
    return this;
  }

  Map<TableName, ResolvedTable> build() {
    return Map.of(name, new ResolvedTable(name, migrations,
        History.of(name, migrations.stream().map(ResolvedMigration::step).toList(), FormatRules.ICEBERG),
        Optional.empty()));
  }
}
