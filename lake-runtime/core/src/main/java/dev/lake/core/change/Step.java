package dev.lake.core.change;

import dev.lake.core.change.Change.AddColumn;
import dev.lake.core.change.Change.AddPartitionField;
import dev.lake.core.change.Change.Group;
import dev.lake.core.change.Change.MakeOptional;
import dev.lake.core.change.Change.MoveColumn;
import dev.lake.core.change.Change.RemoveProperty;
import dev.lake.core.change.Change.RenameColumn;
import dev.lake.core.change.Change.RequireColumn;
import dev.lake.core.change.Change.SetIdentifierColumns;
import dev.lake.core.change.Change.SetProperty;
import dev.lake.core.change.Change.SetSortOrder;
import dev.lake.core.change.Change.UpdateColumnDoc;
import dev.lake.core.change.Change.UpdateColumnType;
import dev.lake.core.model.TableName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One step of a table's history: a set of changes, kept in the canonical order in which they apply.
 *
 * <p>The canonical order is by {@link Change.Group}: partition field drops, column drops, renames,
 * updates (type, optionality, doc), adds, moves, partition field adds, sort order, identifier columns,
 * property removals and sets. Each change names columns as they are at its place in that order: drops
 * name what exists before the step; updates, adds, moves, partition adds, sort order and identifier
 * columns use the names after the renames. Within a group: renames deepest first; adds in the order
 * they were written, except that an added column comes after the added column it sits in or is placed
 * after; a moved column after the moved column it is placed next to; otherwise by column path and
 * canonical text. So adds without a position append in written order (a hand-written step 0 creates
 * its columns as written), and the checksum covers that order; the order of any other changes never
 * matters.
 *
 * @param table the table
 * @param number the step number, 0 for the step that creates the table
 * @param changes the changes in canonical order
 * @param sql the statements of the step's data work ({@code @Sql}), in the order written, run after
 *     the changes; the checksum covers their text and order
 */
public record Step(TableName table, int number, List<Change> changes, List<SqlStatement> sql) {

  /** The version of the checksum's input format, hashed first. */
  private static final String CHECKSUM_FORMAT = "lake-step-checksum-v1";

  public Step {
    Objects.requireNonNull(table, "table");
    if (number < 0) {
      throw new StepException(table, number, "Invalid step number: steps are numbered from 0");
    }
    changes = canonicalOrder(table, number, changes);
    sql = List.copyOf(sql);
  }

  /** A step without data statements. */
  public Step(TableName table, int number, List<Change> changes) {
    this(table, number, changes, List.of());
  }

  /** A step of these changes, in any order, and these statements, in the order given. */
  public static Step of(TableName table, int number, Collection<? extends Change> changes,
      List<SqlStatement> sql) {
    return new Step(table, number, List.copyOf(changes), sql);
  }

  /** A step of these changes, in any order. */
  public static Step of(TableName table, int number, Collection<? extends Change> changes) {
    return new Step(table, number, List.copyOf(changes));
  }

  public static Step of(String table, int number, Change... changes) {
    return new Step(TableName.parse(table), number, List.of(changes));
  }

  /**
   * A stable hash (16 hex digits of SHA-256) of the table, the step number, the canonical changes and
   * the text of the data statements in their order.
   * Formatting, the order changes are written in, and metadata such as author, reason or description
   * do not change it; any change to what the step does does.
   */
  public String checksum() {
    StringBuilder input = new StringBuilder(CHECKSUM_FORMAT).append('\n')
        .append(table).append('\n').append(number).append('\n');
    for (Change change : changes) {
      input.append(change.canonical()).append('\n');
    }
    for (SqlStatement statement : sql) {
      input.append(statement.canonical()).append('\n');
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Whether this step has data statements to run. */
  public boolean hasSql() {
    return !sql.isEmpty();
  }

  /** Whether this step drops columns (see {@link Lint}). */
  public boolean isDestructive() {
    return Lint.classify(changes) == Lint.Risk.DESTRUCTIVE;
  }

  private static List<Change> canonicalOrder(TableName table, int number, List<Change> changes) {
    Change[] byGroup = new Change[GROUPS.length];
    boolean oneEach = true;
    for (Change change : changes) {
      int group = Objects.requireNonNull(change, "change").group().ordinal();
      oneEach &= byGroup[group] == null;
      byGroup[group] = change;
    }
    if (oneEach) {
      // Most steps change one thing of each kind: no texts, no sorting. This path is short on purpose:
      // the processor builds a step per migration, and a compile's JIT compiles what runs that often.
      // One change cannot contradict itself (a rename to its own name is refused where it is made).
      if (changes.size() > 1) {
        checkContradictions(table, number, changes);
      }
      List<Change> ordered = new ArrayList<>(changes.size());
      for (Change change : byGroup) {
        if (change != null) {
          ordered.add(change);
        }
      }
      return List.copyOf(ordered);
    }
    return sortedByGroup(table, number, changes);
  }

  private static final Group[] GROUPS = Group.values();

  /** The canonical order of a step with two or more changes in one group. */
  private static List<Change> sortedByGroup(TableName table, int number, List<Change> changes) {
    Map<Group, List<Change>> groups = new EnumMap<>(Group.class);
    // Each change's canonical text, built once: sorting asks for it many times. Changes with the same
    // text are refused, so changes can be told apart by identity from here on.
    Map<Change, String> canonical = new IdentityHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Change change : changes) {
      String text = change.canonical();
      if (!seen.add(text)) {
        throw new StepException(table, number, "The change '" + change + "' appears twice");
      }
      canonical.put(change, text);
      groups.computeIfAbsent(change.group(), g -> new ArrayList<>()).add(change);
    }
    Comparator<Change> byCanonical = Comparator.comparing(canonical::get);
    checkContradictions(table, number, changes);
    List<Change> ordered = new ArrayList<>(changes.size());
    for (Map.Entry<Group, List<Change>> entry : groups.entrySet()) {
      List<Change> group = entry.getValue();
      group.sort(byCanonical);
      switch (entry.getKey()) {
        case RENAME_COLUMN -> group.sort(Comparator
            .comparingInt((Change c) -> -depth(((RenameColumn) c).path()))
            .thenComparing(byCanonical));
        case ADD_COLUMN -> group = topological(table, number, group, writtenOrder(changes),
            (c, other) -> {
              AddColumn add = (AddColumn) c;
              String otherPath = ((AddColumn) other).path();
              return add.parent().equals(otherPath) || add.parent().startsWith(otherPath + ".")
                  || (add.position().sibling() != null
                      && join(add.parent(), add.position().sibling()).equals(otherPath));
            });
        case MOVE_COLUMN -> group = topological(table, number, group,
            Comparator.comparing((Change c) -> ((MoveColumn) c).path()).thenComparing(byCanonical),
            (c, other) -> {
              MoveColumn move = (MoveColumn) c;
              return move.position().sibling() != null
                  && join(Change.parentOf(move.path()), move.position().sibling()).equals(((MoveColumn) other).path());
            });
        default -> {
        }
      }
      ordered.addAll(group);
    }
    return List.copyOf(ordered);
  }

  /** The column an add or a move places, for messages. */
  private static String subjectPath(Change change) {
    return change instanceof AddColumn add ? add.path() : ((MoveColumn) change).path();
  }

  /** Changes by the place they were written in. */
  private static Comparator<Change> writtenOrder(List<Change> written) {
    Map<Change, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < written.size(); i++) {
      index.put(written.get(i), i);
    }
    return Comparator.comparingInt(index::get);
  }

  /** Kahn's algorithm; ties by {@code ties}; a cycle is a contradiction. */
  private static List<Change> topological(TableName table, int number, List<Change> group, Comparator<Change> ties,
      BiPredicate<Change, Change> dependsOn) {
    Map<Change, Integer> waiting = new IdentityHashMap<>();
    Map<Change, List<Change>> dependents = new IdentityHashMap<>();
    for (Change change : group) {
      int count = 0;
      for (Change other : group) {
        if (other != change && dependsOn.test(change, other)) {
          count++;
          dependents.computeIfAbsent(other, o -> new ArrayList<>()).add(change);
        }
      }
      waiting.put(change, count);
    }
    PriorityQueue<Change> ready = new PriorityQueue<>(ties);
    waiting.forEach((change, count) -> {
      if (count == 0) {
        ready.add(change);
      }
    });
    List<Change> result = new ArrayList<>(group.size());
    while (!ready.isEmpty()) {
      Change next = ready.poll();
      result.add(next);
      for (Change dependent : dependents.getOrDefault(next, List.of())) {
        if (waiting.merge(dependent, -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    if (result.size() < group.size()) {
      List<String> cycle = group.stream().filter(c -> !result.contains(c)).map(Step::subjectPath).sorted().toList();
      throw new StepException(table, number,
          "Contradicting positions: " + String.join(", ", cycle) + " are placed relative to each other in a cycle");
    }
    return result;
  }

  private static void checkContradictions(TableName table, int number, List<Change> changes) {
    Map<String, Change> seen = new HashMap<>();
    Map<String, RenameColumn> renameFrom = new HashMap<>();
    for (Change change : changes) {
      for (String subject : change.accept(SUBJECTS)) {
        Change clash = seen.putIfAbsent(subject, change);
        if (clash != null) {
          throw new StepException(table, number, "Contradicting changes: '" + clash + "' and '" + change
              + "' (one step may change each thing once)");
        }
      }
      if (change instanceof RenameColumn rename) {
        renameFrom.put(rename.path(), rename);
      }
    }
    for (RenameColumn rename : renameFrom.values()) {
      Change chained = renameFrom.get(rename.newPath());
      if (chained != null) {
        throw new StepException(table, number, "Contradicting changes: '" + rename + "' and '" + chained
            + "' (a rename to a name that another rename frees needs two steps)");
      }
    }
  }

  /**
   * What each change changes, as keys: two changes of one step with a key in common contradict each
   * other. Drops are checked by replay, which names what is missing.
   */
  private static final Change.Visitor<List<String>> SUBJECTS = new Change.Visitor<>() {
    @Override
    public List<String> addColumn(AddColumn change) {
      return List.of("add " + change.path());
    }

    @Override
    public List<String> dropColumn(Change.DropColumn change) {
      return List.of();
    }

    @Override
    public List<String> renameColumn(RenameColumn change) {
      return List.of("rename " + change.path(), "rename to " + change.newPath());
    }

    @Override
    public List<String> updateColumnType(UpdateColumnType change) {
      return List.of("type " + change.path());
    }

    @Override
    public List<String> makeOptional(MakeOptional change) {
      return List.of("required " + change.path());
    }

    @Override
    public List<String> requireColumn(RequireColumn change) {
      return List.of("required " + change.path());
    }

    @Override
    public List<String> updateColumnDoc(UpdateColumnDoc change) {
      return List.of("doc " + change.path());
    }

    @Override
    public List<String> moveColumn(MoveColumn change) {
      return List.of("move " + change.path());
    }

    @Override
    public List<String> addPartitionField(AddPartitionField change) {
      return List.of("partition " + change.field().ref());
    }

    @Override
    public List<String> dropPartitionField(Change.DropPartitionField change) {
      return List.of();
    }

    @Override
    public List<String> setSortOrder(SetSortOrder change) {
      return List.of("sort order");
    }

    @Override
    public List<String> setIdentifierColumns(SetIdentifierColumns change) {
      return List.of("identifier columns");
    }

    @Override
    public List<String> setProperty(SetProperty change) {
      return List.of("property " + change.key());
    }

    @Override
    public List<String> removeProperty(RemoveProperty change) {
      return List.of("property " + change.key());
    }
  };

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '.').count();
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
