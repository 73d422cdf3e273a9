package dev.lake.core.engine;

import dev.lake.core.model.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * One table's migration status in one catalog.
 *
 * @param table the table
 * @param physical its name in the catalog (differs where the catalog maps its namespace)
 * @param exists whether the table exists in the catalog
 * @param appliedStep the last applied step, -1 for none
 * @param lastStep the last step in code
 * @param pending the steps in code not applied yet
 * @param appliedAt when the last step was applied, or null
 * @param appliedBy who applied it, or null
 * @param checksumMismatches applied steps whose code changed since, one message each
 * @param unknownSteps applied steps that no longer exist in code, one message
 * @param liveDrift changes made to the table outside Lake, in DDL-like words
 * @param unmanaged a message when the table exists but records no migration state
 * @param undone pending steps that {@code lake:undo} took back
 * @param dataPending the step whose schema changes are applied and whose data work is not published,
 *     or -1
 * @param staging staging branches of data work the table has (left behind by a run that stopped)
 */
public record TableStatus(TableName table, TableName physical, boolean exists, int appliedStep, int lastStep, List<Integer> pending,
    String appliedAt, String appliedBy, List<String> checksumMismatches, List<String> unknownSteps,
    List<String> liveDrift, String unmanaged, List<Integer> undone, int dataPending, List<String> staging) {

  public TableStatus {
    pending = List.copyOf(pending);
    checksumMismatches = List.copyOf(checksumMismatches);
    unknownSteps = List.copyOf(unknownSteps);
    liveDrift = List.copyOf(liveDrift);
    undone = List.copyOf(undone);
    staging = List.copyOf(staging);
  }

  /** The table's name for messages: both names where the catalog maps it. */
  public String name() {
    return physical.equals(table) ? table.toString() : table + " (" + physical + ")";
  }

  /**
   * Everything wrong with this table, one message each; empty when all is well. Data work left
   * pending by a run that stopped is one: {@code lake:migrate} finishes it.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>(migrateProblems());
    if (dataPending >= 0) {
      problems.add("The data of step " + dataPending + " of " + name() + " is pending: its schema changes are applied"
          + ", its data work is not published" + (staging.isEmpty() ? "" : " (staging branch "
          + String.join(", ", staging) + " left behind)") + ". Run 'mvn lake:migrate' to run the data work again "
          + "and publish it");
    } else if (!staging.isEmpty()) {
      problems.add(name() + " has staging branch " + String.join(", ", staging) + " of data work that was never "
          + "published (left behind by a run that stopped). 'mvn lake:migrate' removes it when it publishes that "
          + "step; otherwise drop it: ALTER TABLE ... DROP BRANCH");
    }
    return problems;
  }

  /** The problems that stop {@code lake:migrate}: all but data work left pending, which it finishes. */
  public List<String> migrateProblems() {
    List<String> problems = new ArrayList<>(checksumMismatches);
    problems.addAll(unknownSteps);
    if (unmanaged != null) {
      problems.add(unmanaged);
    }
    if (!liveDrift.isEmpty()) {
      problems.add(name() + " was changed outside Lake (live drift): " + String.join("; ", liveDrift)
          + ". Undo the change, or declare it in the table's declaration and run 'mvn lake:generate', then "
          + "'mvn compile lake:migrate': migrate adopts the generated step without touching the table");
    }
    return problems;
  }
}
