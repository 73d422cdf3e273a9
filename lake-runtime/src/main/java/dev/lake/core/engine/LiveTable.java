package dev.lake.core.engine;

import dev.lake.core.model.TableModel;

/**
 * A table as it is in the catalog.
 *
 * @param model its schema, partitioning, sort order, identifier columns and properties (Lake's own
 *     state properties left out)
 * @param state the migration state it records
 * @param version the format's own hold on this version of the table, or null: handed back in
 *     {@link StepCommit#base()}, so that a step is committed on exactly the version the engine checked,
 *     without loading the table again
 */
public record LiveTable(TableModel model, AppliedState state, Object version) {}
