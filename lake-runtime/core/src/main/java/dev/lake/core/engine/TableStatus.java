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
 */
public record TableStatus(TableName table, TableName physical, boolean exists, int appliedStep, int lastStep, List<Integer> pending,
    String appliedAt, String appliedBy, List<String> checksumMismatches, List<String> unknownSteps,
    List<String> liveDrift, String unmanaged, List<Integer> undone) {

  public TableStatus {
    pending = List.copyOf(pending);
    checksumMismatches = List.copyOf(checksumMismatches);
    unknownSteps = List.copyOf(unknownSteps);
    liveDrift = List.copyOf(liveDrift);
    undone = List.copyOf(undone);
  }

  /** The table's name for messages: both names where the catalog maps it. */
  public String name() {
    return physical.equals(table) ? table.toString() : table + " (" + physical + ")";
  }

  /** Everything wrong with this table, one message each; empty when all is well. */
  public List<String> problems() {
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
