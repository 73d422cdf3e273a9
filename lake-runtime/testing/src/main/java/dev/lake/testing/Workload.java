package dev.lake.testing;

import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import dev.lake.core.model.Transform;
import dev.lake.core.replay.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A synthetic history: {@code tables} tables of {@code steps} steps each. Step 0 creates the table;
 * most later steps add a column, promote an earlier one and set a property; every fourth step only
 * sets a property, which a blind retry could apply twice.
 */
public final class Workload {
  private Workload() {}

  public static TableName table(int index) {
    return TableName.parse("race.t" + index);
  }

  public static Map<TableName, ResolvedTable> of(int tables, int steps) {
    return of(tables, steps, FormatRules.ICEBERG);
  }

  /** The workload for tables of a format with these rules. */
  public static Map<TableName, ResolvedTable> of(int tables, int steps, FormatRules rules) {
    Map<TableName, ResolvedTable> result = new TreeMap<>();
    for (int t = 0; t < tables; t++) {
      TableName name = table(t);
      List<ResolvedMigration> migrations = new ArrayList<>();
      for (int s = 0; s < steps; s++) {
        List<Change> changes = new ArrayList<>();
        if (s == 0) {
          changes.add(Change.AddColumn.of("", "id", "long", true, "", "", false));
          changes.add(Change.AddColumn.of("", "c0", "int", false, "", "", false));
          changes.add(Change.AddPartitionField.of("id", rules.transforms().contains(Transform.Kind.BUCKET)
              ? "bucket[4]" : "identity", ""));
        } else if (s % 4 == 3) {
          // Properties only: Iceberg's own transaction retry would re-apply such a step after a lost race.
          changes.add(new Change.SetProperty("step.marker", String.valueOf(s)));
        } else {
          changes.add(Change.AddColumn.of("", "c" + s, "int", false, "", "", false));
          int previous = s - 1 == 0 || (s - 1) % 4 != 3 ? s - 1 : s - 2;
          changes.add(Change.UpdateColumnType.of("c" + previous, "long"));
          changes.add(new Change.SetProperty("step.marker", String.valueOf(s)));
        }
        migrations.add(new ResolvedMigration(Step.of(name, s, changes), "race.V" + s, "step " + s, "race", "",
            false, false));
      }
      History history = History.of(name, migrations.stream().map(ResolvedMigration::step).toList(), rules);
      result.put(name, new ResolvedTable(name, migrations, history, Optional.empty()));
    }
    return result;
  }
}
