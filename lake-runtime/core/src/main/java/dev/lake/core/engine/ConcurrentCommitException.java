package dev.lake.core.engine;

/** Another writer changed the table first; the engine reloads the state and tries again. */
public class ConcurrentCommitException extends RuntimeException {
  public ConcurrentCommitException(String message, Throwable cause) {
    super(message, cause);
  }
}
