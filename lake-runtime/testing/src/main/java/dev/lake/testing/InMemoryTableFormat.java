package dev.lake.testing;

import dev.lake.core.change.ColumnPaths;
import dev.lake.core.diff.Diff;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.ConcurrentCommitException;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.LiveTable;
import dev.lake.core.engine.StepCommit;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.Column;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.ListType;
import dev.lake.core.model.MapType;
import dev.lake.core.model.StructType;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.model.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table format that keeps its tables in memory, for tests of the engine's logic: every version of
 * every table, a field id per column that follows renames as a real format's does, and commits that
 * land only on the version they were built on. Formats opened on one {@link Store} see the same
 * tables, as runs on one catalog do.
 */
public final class InMemoryTableFormat implements TableFormat<InMemoryTableFormat.Version> {

  /** One version of a table: its model, its properties (Lake's state included) and its field ids. */
  public record Version(int number, TableModel model, Map<String, String> properties, Map<String, Integer> fieldIds) {
    public Version {
      properties = Map.copyOf(properties);
      fieldIds = Map.copyOf(fieldIds);
    }
  }

  /** The tables: what a catalog holds. Thread-safe. */
  public static final class Store {
    private final Map<TableName, List<Version>> tables = new HashMap<>();
    private int lastFieldId;

    /** Every version of a table, oldest first; empty when it does not exist. */
    public synchronized List<Version> versions(TableName table) {
      return List.copyOf(tables.getOrDefault(table, List.of()));
    }

    /** Writes a version as another writer would: no state change, no check but the version number. */
    public synchronized Version write(TableName table, TableModel model) {
      List<Version> versions = tables.computeIfAbsent(table, t -> new ArrayList<>());
      Version current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
      Map<String, Integer> ids = new HashMap<>(current == null ? Map.of() : current.fieldIds());
      Map<String, String> properties = new LinkedHashMap<>(current == null ? Map.of() : current.properties());
      properties.keySet().removeIf(key -> !key.startsWith(TableModel.RESERVED_PROPERTY_PREFIX));
      properties.putAll(model.properties());
      for (Column column : model.columns()) {
        assignIds(ids, column.name(), column.type());
      }
      Version next = new Version(versions.size(), model, properties, ids);
      versions.add(next);
      return next;
    }

    private synchronized Version land(TableName table, Version base, TableModel after, Map<String, String> properties,
        Map<String, Integer> ids) {
      List<Version> versions = tables.computeIfAbsent(table, t -> new ArrayList<>());
      Version current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
      if (current != base) {
        throw new ConcurrentCommitException("Another writer changed " + table + " first", null);
      }
      Version next = new Version(versions.size(), after, properties, ids);
      versions.add(next);
      return next;
    }

    private synchronized void assignIds(Map<String, Integer> ids, String path, Type type) {
      ids.computeIfAbsent(path, p -> ++lastFieldId);
      if (type instanceof StructType struct) {
        for (Column field : struct.fields()) {
          assignIds(ids, path + "." + field.name(), field.type());
        }
      } else if (type instanceof ListType list) {
        assignIds(ids, path + "." + ListType.ELEMENT, list.element());
      } else if (type instanceof MapType map) {
        assignIds(ids, path + "." + MapType.KEY, map.key());
        assignIds(ids, path + "." + MapType.VALUE, map.value());
      }
    }
  }

  private final String name;
  private final Store store;
  private final FormatRules rules;

  public InMemoryTableFormat(String name, Store store, FormatRules rules) {
    this.name = name;
    this.store = store;
    this.rules = rules;
  }

  @Override
  public String catalog() {
    return "catalog '" + name + "' (in-memory)";
  }

  @Override
  public FormatRules rules() {
    return rules;
  }

  @Override
  public Optional<LiveTable<Version>> load(TableName table) {
    List<Version> versions = store.versions(table);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    Version current = versions.get(versions.size() - 1);
    return Optional.of(new LiveTable<>(current.model(), AppliedState.fromProperties(table.toString(),
        current.properties()), current));
  }

  @Override
  public void commit(StepCommit<Version> commit) {
    Version base = commit.base().orElse(null);
    if (base != null) {
      commit.checkBase(base.properties(), base.model(), rules);
    }
    Map<String, Integer> ids = switch (commit.kind()) {
      // Field ids as a format with column ids keeps them: renames keep, drops free, new columns get new ones.
      case APPLY -> newIds(base, commit);
      case RECORD -> base.fieldIds();
      // A version the table had, whose ids the current one has or extends: as a format that keeps its schemas.
      case REAPPLY -> earlier(commit, base, true).map(Version::fieldIds).orElseGet(() -> newIds(base, commit));
      case RESTORE -> earlier(commit, base, false).map(Version::fieldIds).orElseThrow(() -> new LakeException(
          "Cannot undo " + commit.where() + ": the table has no earlier version with that model"));
      case PUBLISH -> throw new LakeException("Cannot publish " + commit.where() + ": " + whyNoData().orElseThrow());
    };
    Map<String, String> properties = new TreeMap<>(commit.after().properties());
    properties.putAll(commit.next().toProperties());
    commit.runCode();
    store.land(commit.table(), base, commit.after(), properties, ids);
  }

  private Map<String, Integer> newIds(Version base, StepCommit<Version> commit) {
    Map<String, Integer> ids = ColumnPaths.carry(base == null ? Map.of() : base.fieldIds(), commit.changes());
    for (Column column : commit.after().columns()) {
      store.assignIds(ids, column.name(), column.type());
    }
    return ids;
  }

  /**
   * The newest earlier version with the commit's resulting model whose field ids extend the base's
   * ({@code extending}) or are among them.
   */
  private Optional<Version> earlier(StepCommit<Version> commit, Version base, boolean extending) {
    List<Version> versions = store.versions(commit.table());
    for (int i = versions.size() - 1; i >= 0; i--) {
      Version candidate = versions.get(i);
      var have = candidate.fieldIds().values();
      var current = base.fieldIds().values();
      if (Diff.managed(commit.after(), candidate.model(), rules).isEmpty()
          && (extending ? have.containsAll(current) : current.containsAll(have))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
