/**
 * The format-neutral migration engine: resolved migrations (from compiled classes and the index)
 * joined with the state each table records, planned and applied through a
 * {@link dev.lake.core.engine.TableFormat}.
 */
package dev.lake.core.engine;
