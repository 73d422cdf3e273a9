package dev.lake.core.engine;

/**
 * The table's main branch moved on (another writer committed data) while a step's data work ran on its
 * staging branch, so the branch cannot be fast-forwarded into main: nothing was published, and the data
 * work must run again on the new main.
 */
public final class DataMovedException extends RuntimeException {
  public DataMovedException(String message) {
    super(message);
  }
}
