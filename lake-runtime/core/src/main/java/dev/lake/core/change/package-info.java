/**
 * Migration operations as values ({@link dev.lake.core.change.Change}), a step as a canonical set of
 * them ({@link dev.lake.core.change.Step}, with its checksum), and their risk
 * ({@link dev.lake.core.change.Lint}).
 */
package dev.lake.core.change;
