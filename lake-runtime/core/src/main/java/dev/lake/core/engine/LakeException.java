package dev.lake.core.engine;

/**
 * A problem the user can fix: the message says what and where (catalog, table, step) and how to fix
 * it. Unexpected failures are other exceptions and keep their cause.
 */
public class LakeException extends RuntimeException {
  public LakeException(String message) {
    super(message);
  }

  public LakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
