package dev.lake.core.diff;

import dev.lake.core.change.Change;
import dev.lake.core.change.Position;
import dev.lake.core.change.Step;
import dev.lake.core.model.Column;
import dev.lake.core.model.ListType;
import dev.lake.core.model.MapType;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.SortField;
import dev.lake.core.model.StructType;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The smallest change set that takes a table from one model (the replayed history) to another (the
 * declaration), in the canonical order of a {@link Step}: applying the changes as one step to
 * {@code history} gives {@code desired}.
 *
 * <ul>
 *   <li>Columns match by name. A declared column that is not in the history matches a history column
 *       through a rename hint when the hint's former name is in the history and is not declared; a
 *       hint whose former name is not in the history is ignored. Renames are never guessed.
 *   <li>A matched column whose type can evolve (same type, an allowed promotion, or nested types whose
 *       parts can) is updated in place; otherwise it is dropped and added anew.
 *   <li>Column order: the longest run of matched columns already in the declared order stays; the
 *       others move, and added columns are placed, so the result has the declared order.
 * </ul>
 */
public final class Diff {
  private final TableModel history;
  private final TableModel desired;
  private final RenameHints hints;
  private final FormatRules rules;
  private final List<Change> changes = new ArrayList<>();
  /** History path of every kept column (matched, not replaced) to its declared path. */
  private final Map<String, String> kept = new HashMap<>();

  private Diff(TableModel history, TableModel desired, RenameHints hints, FormatRules rules) {
    this.history = history;
    this.desired = desired;
    this.hints = hints;
    this.rules = rules;
  }

  /**
   * What differs between the model Lake expects and a live table, as the changes that would take one
   * to the other. Properties the table has but Lake never set (a format's own defaults) are not
   * differences.
   */
  public static List<Change> managed(TableModel expected, TableModel live, FormatRules rules) {
    Map<String, String> managed = new TreeMap<>(live.properties());
    managed.keySet().retainAll(expected.properties().keySet());
    return between(expected, live.withProperties(managed), rules);
  }

  /** The changes from {@code history} to {@code desired}, without rename hints. */
  public static List<Change> between(TableModel history, TableModel desired, FormatRules rules) {
    return between(history, desired, RenameHints.none(), rules);
  }

  /**
   * The changes from {@code history} to {@code desired}, in canonical order; empty when they are equal. A
   * type change that {@code rules} do not allow in place becomes a drop and an add.
   *
   * @throws IllegalArgumentException when a rename hint is ambiguous: two declared columns claim the
   *     same former name, a former name is still declared, or one column names two former columns
   */
  public static List<Change> between(TableModel history, TableModel desired, RenameHints hints,
      FormatRules rules) {
    Objects.requireNonNull(hints, "hints");
    Objects.requireNonNull(rules, "rules");
    if (!history.name().equals(desired.name())) {
      throw new IllegalArgumentException("Cannot diff " + history.name() + " against " + desired.name());
    }
    Diff diff = new Diff(history, desired, hints, rules);
    diff.struct(history.columns(), desired.columns(), "", "");
    diff.partitioning();
    diff.sortOrder();
    diff.identifierColumns();
    diff.properties();
    return Step.of(desired.name(), 0, diff.changes).changes();
  }

  private void struct(List<Column> from, List<Column> to, String fromParent, String toParent) {
    Map<String, Column> fromByName = new HashMap<>();
    from.forEach(c -> fromByName.put(c.name(), c));
    Set<String> declared = new HashSet<>();
    to.forEach(c -> declared.add(c.name()));

    // Match declared columns to history columns: by name, then by rename hint.
    Map<String, Column> match = new HashMap<>();
    Map<String, String> claimedBy = new HashMap<>();
    for (Column column : to) {
      if (fromByName.containsKey(column.name())) {
        match.put(column.name(), fromByName.get(column.name()));
      }
    }
    for (Column column : to) {
      if (match.containsKey(column.name())) {
        continue;
      }
      String path = join(toParent, column.name());
      List<String> former = hints.of(path).stream().filter(fromByName::containsKey).distinct().toList();
      if (former.isEmpty()) {
        continue;
      }
      if (former.size() > 1) {
        throw ambiguous(path + " names " + String.join(" and ", former)
            + " as former names, and the history has all of them; keep only the one it was renamed from");
      }
      String name = former.get(0);
      if (declared.contains(name)) {
        throw ambiguous(path + " was formerly " + name + ", but " + join(toParent, name)
            + " is still declared; remove the hint, or rename or remove the other column");
      }
      String other = claimedBy.putIfAbsent(name, path);
      if (other != null) {
        throw ambiguous(other + " and " + path + " both claim the former name " + join(fromParent, name)
            + "; only one column can be renamed from it");
      }
      match.put(column.name(), fromByName.get(name));
    }

    // Drops: history columns nobody matched, and matched columns whose type cannot evolve.
    Set<String> replaced = new HashSet<>();
    for (Column column : to) {
      Column old = match.get(column.name());
      if (old != null && !evolvable(old.type(), column.type())) {
        replaced.add(column.name());
      }
    }
    Set<String> matchedHistoryNames = new HashSet<>();
    match.forEach((name, old) -> {
      if (!replaced.contains(name)) {
        matchedHistoryNames.add(old.name());
      }
    });
    for (Column old : from) {
      if (!matchedHistoryNames.contains(old.name())) {
        changes.add(new Change.DropColumn(join(fromParent, old.name())));
      }
    }

    // Renames and in-place updates of kept columns.
    for (Column column : to) {
      Column old = match.get(column.name());
      if (old == null || replaced.contains(column.name())) {
        continue;
      }
      String fromPath = join(fromParent, old.name());
      String toPath = join(toParent, column.name());
      if (!old.name().equals(column.name())) {
        changes.add(new Change.RenameColumn(fromPath, column.name()));
      }
      column(old, column, fromPath, toPath);
    }

    order(from, to, match, replaced, toParent);
  }

  /** Updates of a kept column: required flag, doc, and its type (recursively). */
  private void column(Column old, Column column, String fromPath, String toPath) {
    kept.put(fromPath, toPath);
    if (old.required() != column.required()) {
      changes.add(column.required() ? new Change.RequireColumn(toPath) : new Change.MakeOptional(toPath));
    }
    if (!Objects.equals(old.doc(), column.doc())) {
      changes.add(new Change.UpdateColumnDoc(toPath, column.doc()));
    }
    type(old.type(), column.type(), fromPath, toPath);
  }

  private void type(Type from, Type to, String fromPath, String toPath) {
    if (from instanceof StructType a && to instanceof StructType b) {
      struct(a.fields(), b.fields(), fromPath, toPath);
    } else if (from instanceof ListType a && to instanceof ListType b) {
      String element = "." + ListType.ELEMENT;
      nested(a.element(), a.elementRequired(), b.element(), b.elementRequired(), fromPath + element, toPath + element);
    } else if (from instanceof MapType a && to instanceof MapType b) {
      kept.put(fromPath + "." + MapType.KEY, toPath + "." + MapType.KEY);
      String value = "." + MapType.VALUE;
      nested(a.value(), a.valueRequired(), b.value(), b.valueRequired(), fromPath + value, toPath + value);
    } else if (!from.equals(to)) {
      changes.add(new Change.UpdateColumnType(toPath, to));
    }
  }

  private void nested(Type from, boolean fromRequired, Type to, boolean toRequired, String fromPath, String toPath) {
    kept.put(fromPath, toPath);
    if (fromRequired != toRequired) {
      changes.add(toRequired ? new Change.RequireColumn(toPath) : new Change.MakeOptional(toPath));
    }
    type(from, to, fromPath, toPath);
  }

  /** Whether a column of type {@code from} can become {@code to} in place. */
  private boolean evolvable(Type from, Type to) {
    if (from instanceof StructType && to instanceof StructType) {
      return true;
    } else if (from instanceof ListType a && to instanceof ListType b) {
      return evolvable(a.element(), b.element());
    } else if (from instanceof MapType a && to instanceof MapType b) {
      return a.key().equals(b.key()) && evolvable(a.value(), b.value());
    } else if (from.isPrimitive() && to.isPrimitive()) {
      return from.equals(to) || rules.isPromotionAllowed(from, to);
    }
    return false;
  }

  /**
   * Places added columns and moves kept ones so the struct ends in the declared order. Kept columns
   * in the longest increasing run (by declared position, in history order) stay. Every other column
   * is placed right after its declared predecessor, except that an added column is placed after the
   * nearest preceding column that is added or stays (moves come after adds, so an add cannot lean on a
   * column that moves later), and a trailing run of added columns is appended without a position, in
   * declared order, which a step keeps (adds apply in the order they are written).
   */
  private void order(List<Column> from, List<Column> to, Map<String, Column> match, Set<String> replaced,
      String toParent) {
    Map<String, Integer> declaredIndex = new HashMap<>();
    for (int i = 0; i < to.size(); i++) {
      declaredIndex.put(to.get(i).name(), i);
    }
    Map<String, String> declaredNameOf = new HashMap<>();
    match.forEach((name, old) -> {
      if (!replaced.contains(name)) {
        declaredNameOf.put(old.name(), name);
      }
    });
    List<Integer> keptInHistoryOrder = new ArrayList<>();
    for (Column old : from) {
      String name = declaredNameOf.get(old.name());
      if (name != null) {
        keptInHistoryOrder.add(declaredIndex.get(name));
      }
    }
    Set<Integer> stays = longestIncreasing(keptInHistoryOrder);

    int trailingStart = to.size();
    while (trailingStart > 0 && isAdded(to.get(trailingStart - 1), match, replaced)) {
      trailingStart--;
    }
    String lastAddedOrStaying = null;
    for (int i = 0; i < to.size(); i++) {
      Column column = to.get(i);
      String predecessor = i == 0 ? null : to.get(i - 1).name();
      if (!isAdded(column, match, replaced)) {
        if (stays.contains(i)) {
          lastAddedOrStaying = column.name();
        } else {
          changes.add(new Change.MoveColumn(join(toParent, column.name()),
              predecessor == null ? Position.FIRST : Position.after(predecessor)));
        }
        continue;
      }
      Position position;
      if (i >= trailingStart) {
        position = Position.LAST;
      } else {
        position = lastAddedOrStaying == null ? Position.FIRST : Position.after(lastAddedOrStaying);
      }
      lastAddedOrStaying = column.name();
      changes.add(new Change.AddColumn(toParent, column, position));
    }
  }

  private static boolean isAdded(Column column, Map<String, Column> match, Set<String> replaced) {
    return !match.containsKey(column.name()) || replaced.contains(column.name());
  }

  /** The values of one longest strictly increasing subsequence (patience sorting; deterministic). */
  static Set<Integer> longestIncreasing(List<Integer> values) {
    int n = values.size();
    int[] tails = new int[n];
    int[] previous = new int[n];
    int length = 0;
    for (int i = 0; i < n; i++) {
      int value = values.get(i);
      int low = 0;
      int high = length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (values.get(tails[mid]) < value) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      previous[i] = low > 0 ? tails[low - 1] : -1;
      tails[low] = i;
      if (low == length) {
        length++;
      }
    }
    Set<Integer> result = new HashSet<>();
    for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
      result.add(values.get(i));
    }
    return result;
  }

  private void partitioning() {
    Set<PartitionField> wanted = new HashSet<>(desired.partitioning());
    Set<PartitionField> present = new HashSet<>();
    for (PartitionField field : history.partitioning()) {
      String source = kept.get(field.source());
      PartitionField now = source == null ? null : field.withSource(source);
      if (now != null && wanted.contains(now)) {
        present.add(now);
      } else {
        changes.add(new Change.DropPartitionField(field.ref()));
      }
    }
    for (PartitionField field : desired.partitioning()) {
      if (!present.contains(field)) {
        changes.add(new Change.AddPartitionField(field));
      }
    }
  }

  private void sortOrder() {
    List<SortField> now = history.sortOrder().stream()
        .map(f -> kept.containsKey(f.column()) ? f.withColumn(kept.get(f.column())) : null).toList();
    if (!now.equals(desired.sortOrder())) {
      changes.add(new Change.SetSortOrder(desired.sortOrder()));
    }
  }

  private void identifierColumns() {
    Set<String> now = new TreeSet<>();
    for (String column : history.identifierColumns()) {
      now.add(kept.getOrDefault(column, "\0dropped " + column));
    }
    if (!now.equals(new TreeSet<>(desired.identifierColumns()))) {
      changes.add(new Change.SetIdentifierColumns(desired.identifierColumns()));
    }
  }

  private void properties() {
    history.properties().forEach((key, value) -> {
      if (!desired.properties().containsKey(key)) {
        changes.add(new Change.RemoveProperty(key));
      }
    });
    desired.properties().forEach((key, value) -> {
      if (!value.equals(history.properties().get(key))) {
        changes.add(new Change.SetProperty(key, value));
      }
    });
  }

  private IllegalArgumentException ambiguous(String problem) {
    return new IllegalArgumentException("Ambiguous rename hint in " + desired.name() + ": " + problem);
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
