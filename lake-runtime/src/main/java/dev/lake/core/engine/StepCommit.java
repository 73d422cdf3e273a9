package dev.lake.core.engine;

import dev.lake.annotations.LakeMigration;
import dev.lake.core.model.TableModel;

/**
 * One step to apply as one atomic commit: its changes take the table from {@code before} to
 * {@code after}, and the commit records {@code next} as the table's state. It must fail with
 * {@link ConcurrentCommitException} unless the table still records {@code expected}.
 *
 * @param migration the step
 * @param before the model before the step (empty for step 0)
 * @param after the model after the step
 * @param expected the state the table must record when the commit lands
 * @param next the state to record
 * @param code the migration's {@code apply} hook, or null
 * @param base the {@link LiveTable#version()} the engine checked, or null (step 0, or a format that
 *     keeps none): the commit starts from it, and fails as concurrent if the table moved on since
 */
public record StepCommit(ResolvedMigration migration, TableModel before, TableModel after, AppliedState expected,
    AppliedState next, LakeMigration code, Object base) {}
