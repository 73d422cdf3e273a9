package dev.lake.core.engine;

import dev.lake.core.model.TableModel;
import java.util.List;
import java.util.Objects;

/**
 * One version of a table as it is in the catalog.
 *
 * @param model its schema, partitioning, sort order, identifier columns and properties (Lake's own
 *     state properties left out)
 * @param state the migration state it records
 * @param version the format's hold on this version, handed back in {@link StepCommit#base()}
 * @param staging the staging branches of data work it has (see {@link DataStaging}): left behind by
 *     runs that stopped before publishing or discarding them
 * @param <T> the format's type for it
 */
public record LiveTable<T>(TableModel model, AppliedState state, T version, List<String> staging) {
  public LiveTable {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(version, "version");
    staging = List.copyOf(staging);
  }

  /** A version without staging branches. */
  public LiveTable(TableModel model, AppliedState state, T version) {
    this(model, state, version, List.of());
  }
}
