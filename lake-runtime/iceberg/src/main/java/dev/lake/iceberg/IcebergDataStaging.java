package dev.lake.iceberg;

import dev.lake.core.engine.BackOff;
import dev.lake.core.engine.DataMovedException;
import dev.lake.core.engine.DataStaging;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.StepCommit;
import dev.lake.core.model.TableName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Write-audit-publish for the data work of steps: each attempt writes to its own branch,
 * {@code lake_step_<step>_<run>}, made at main's current snapshot; publishing fast-forwards main to the
 * branch's head, removes the step's branches and records the step, in one metadata commit.
 */
final class IcebergDataStaging implements DataStaging<Table> {
  /** The prefix of every staging branch. */
  static final String PREFIX = "lake_step_";

  private final IcebergTableFormat format;
  private final String catalogName;
  private final Map<String, String> properties;

  IcebergDataStaging(IcebergTableFormat format, String catalogName, Map<String, String> properties) {
    this.format = format;
    this.catalogName = catalogName;
    this.properties = properties;
  }

  @Override
  public Map<String, String> catalogProperties() {
    return properties;
  }

  @Override
  public String catalogName() {
    return catalogName;
  }

  @Override
  public void stage(TableName name, String branch) {
    for (int attempt = 1; ; attempt++) {
      Table table = table(name);
      Snapshot current = table.currentSnapshot();
      try {
        if (current != null) {
          table.manageSnapshots().createBranch(branch, current.snapshotId()).commit();
        } else {
          // A branch needs a snapshot: an empty one, on the branch alone (main keeps none until publication).
          table.newAppend().toBranch(branch).commit();
        }
        return;
      } catch (CommitFailedException e) {
        // Other runs staging or publishing at the same moment: a branch of its own is never in conflict.
        if (attempt >= MAX_ATTEMPTS) {
          throw new LakeException("Cannot stage the data work of " + name + " in " + format.catalog() + ": other "
              + "writers committed first " + MAX_ATTEMPTS + " times in a row; run again when the table is less busy", e);
        }
        BackOff.pause(attempt);
      }
    }
  }

  @Override
  public void discard(TableName name, String branch) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        Table table = table(name);
        if (table.refs().containsKey(branch)) {
          table.manageSnapshots().removeBranch(branch).commit();
        }
        return;
      } catch (CommitFailedException e) {
        BackOff.pause(attempt);
      } catch (RuntimeException e) {
        // Left behind, the branch is harmless: status reports it, and publishing the step removes it.
        return;
      }
    }
  }

  /** How many times staging or discarding a branch tries again after losing a race. */
  private static final int MAX_ATTEMPTS = 50;


  @Override
  public String summary(Table table, String branch) {
    SnapshotRef ref = table.refs().get(branch);
    if (ref == null) {
      return "no rows written";
    }
    Set<Long> onMain = table.currentSnapshot() == null ? Set.of()
        : Set.copyOf(SnapshotUtil.ancestorIds(table.currentSnapshot(), table::snapshot));
    long added = 0;
    long deleted = 0;
    long files = 0;
    int snapshots = 0;
    for (Snapshot snapshot = table.snapshot(ref.snapshotId()); snapshot != null && !onMain.contains(snapshot.snapshotId());
        snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId())) {
      Map<String, String> summary = snapshot.summary();
      long addedHere = count(summary, SnapshotSummary.ADDED_RECORDS_PROP);
      long deletedHere = count(summary, SnapshotSummary.DELETED_RECORDS_PROP)
          + count(summary, SnapshotSummary.ADDED_POS_DELETES_PROP) + count(summary, SnapshotSummary.ADDED_EQ_DELETES_PROP);
      long filesHere = count(summary, SnapshotSummary.ADDED_FILES_PROP)
          + count(summary, SnapshotSummary.ADDED_DELETE_FILES_PROP);
      added += addedHere;
      deleted += deletedHere;
      files += filesHere;
      if (addedHere + deletedHere + filesHere > 0) {
        snapshots++; // the empty snapshot a branch of a table without data starts at is no work
      }
    }
    return String.format("%,d rows written, %,d removed, %,d file%s added in %d snapshot%s", added, deleted, files,
        files == 1 ? "" : "s", snapshots, snapshots == 1 ? "" : "s");
  }

  private static long count(Map<String, String> summary, String key) {
    String value = summary == null ? null : summary.get(key);
    return value == null ? 0 : Long.parseLong(value);
  }

  /** The staging branches {@code metadata} has. */
  static List<String> branches(TableMetadata metadata) {
    return metadata.refs().keySet().stream().filter(name -> name.startsWith(PREFIX)).sorted().toList();
  }

  /**
   * The metadata that publishes {@code commit}'s branch on {@code base}: main at the branch's head, the
   * step's staging branches gone, the next state recorded.
   *
   * @throws DataMovedException when main's current snapshot is not an ancestor of the branch's head
   */
  static TableMetadata publish(StepCommit<Table> commit, TableMetadata base) {
    String branch = commit.branch().orElseThrow();
    SnapshotRef ref = base.ref(branch);
    Snapshot main = base.currentSnapshot();
    TableMetadata.Builder builder = TableMetadata.buildFrom(base);
    if (ref == null && main != null) {
      // Staged at main's snapshot, the branch is gone (removed by hand, its data with it), or the table had
      // no snapshot when the work started and has one now: either way the work did not see main.
      throw new DataMovedException("main is at snapshot " + main.snapshotId() + " and staging branch " + branch
          + " is not there");
    }
    if (ref != null) {
      if (main != null && !SnapshotUtil.isAncestorOf(ref.snapshotId(), main.snapshotId(), base::snapshot)) {
        throw new DataMovedException("main is at snapshot " + main.snapshotId() + ", which the data work did not see");
      }
      builder.setBranchSnapshot(ref.snapshotId(), SnapshotRef.MAIN_BRANCH);
    }
    String ofStep = PREFIX + commit.step() + "_";
    for (String name : base.refs().keySet()) {
      if (name.startsWith(ofStep)) {
        builder.removeRef(name);
      }
    }
    builder.setProperties(commit.next().toProperties());
    return builder.build();
  }

  private Table table(TableName name) {
    try {
      return format.icebergCatalog().loadTable(IcebergTableFormat.identifier(name));
    } catch (RuntimeException e) {
      throw new LakeException("Cannot load " + name + " from " + format.catalog() + ": " + IcebergTableFormat.reason(e),
          e);
    }
  }
}
