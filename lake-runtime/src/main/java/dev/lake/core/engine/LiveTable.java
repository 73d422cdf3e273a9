package dev.lake.core.engine;

import dev.lake.core.model.TableModel;

/**
 * A table as it is in the catalog.
 *
 * @param model its schema, partitioning, sort order, identifier columns and properties (Lake's own
 *     state properties left out)
 * @param state the migration state it records
 */
public record LiveTable(TableModel model, AppliedState state) {}
