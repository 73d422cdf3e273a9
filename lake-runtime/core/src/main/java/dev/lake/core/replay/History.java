package dev.lake.core.replay;

import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A table's migration history: steps numbered 0, 1, 2, ... with no gap and no duplicate. Immutable;
 * the model after each step is computed once, when first asked for.
 */
public final class History {
  private final TableName table;
  private final List<Step> steps;
  private final FormatRules rules;
  /** The model after step {@code i}, once computed. */
  private final TableModel[] models;

  /**
   * @param table the table
   * @param steps the steps, ordered by number; step {@code i} has number {@code i}
   * @param rules the rules of the table's format, which replay applies
   */
  public History(TableName table, List<Step> steps, FormatRules rules) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(rules, "rules");
    List<Step> sorted = new ArrayList<>(steps);
    sorted.sort(Comparator.comparingInt(Step::number));
    for (int i = 0; i < sorted.size(); i++) {
      Step step = sorted.get(i);
      if (!step.table().equals(table)) {
        throw new IllegalArgumentException("Step " + step.number() + " of " + step.table()
            + " is not a step of " + table);
      }
      if (step.number() < i) {
        throw new StepException(table, step.number(), "Duplicate step: two migrations are step " + step.number()
            + "; renumber one of them to " + firstFree(sorted));
      }
      if (step.number() > i) {
        throw new StepException(table, step.number(), "Missing step " + i + ": steps are numbered 0, 1, 2, ... "
            + "without gaps (found " + sorted.stream().map(s -> String.valueOf(s.number())).toList() + ")");
      }
    }
    this.table = table;
    this.steps = List.copyOf(sorted);
    this.rules = rules;
    this.models = new TableModel[this.steps.size()];
  }

  public TableName table() {
    return table;
  }

  /** The steps, ordered by number; step {@code i} has number {@code i}. */
  public List<Step> steps() {
    return steps;
  }

  /** The rules of the table's format, which replay applies. */
  public FormatRules rules() {
    return rules;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof History that && table.equals(that.table) && steps.equals(that.steps)
        && rules.equals(that.rules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, steps, rules);
  }

  @Override
  public String toString() {
    return "History[table=" + table + ", steps=" + steps + ", rules=" + rules.format() + "]";
  }

  /** The smallest step number no step has. */
  private static int firstFree(List<Step> steps) {
    java.util.Set<Integer> used = new java.util.HashSet<>();
    steps.forEach(step -> used.add(step.number()));
    int free = 0;
    while (used.contains(free)) {
      free++;
    }
    return free;
  }

  public static History of(TableName table, Collection<Step> steps, FormatRules rules) {
    return new History(table, List.copyOf(steps), rules);
  }

  /** The number of the last step, or -1 for an empty history. */
  public int lastStep() {
    return steps.size() - 1;
  }

  /** The model after every step. */
  public TableModel replay() {
    return replay(lastStep());
  }

  /**
   * The model after steps 0 to {@code through}; the empty model for -1.
   *
   * @throws StepException when a step breaks a rule
   */
  public TableModel replay(int through) {
    if (through < -1 || through > lastStep()) {
      throw new IllegalArgumentException("Cannot replay " + table + " through step " + through + ": the history has "
          + "steps 0 to " + lastStep());
    }
    if (through < 0) {
      return TableModel.empty(table);
    }
    synchronized (models) {
      int known = through;
      while (known >= 0 && models[known] == null) {
        known--;
      }
      TableModel model = known < 0 ? TableModel.empty(table) : models[known];
      for (int i = known + 1; i <= through; i++) {
        model = Replay.apply(model, steps.get(i), rules);
        models[i] = model;
      }
      return model;
    }
  }
}
