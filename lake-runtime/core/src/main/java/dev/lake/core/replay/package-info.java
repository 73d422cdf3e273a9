/**
 * Replay: applies steps to a model, enforcing the rules a table format imposes on schema evolution,
 * and {@link dev.lake.core.replay.History}, a table's numbered steps.
 */
package dev.lake.core.replay;
