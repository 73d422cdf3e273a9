package dev.lake.core.model;

/** Argument checks with formatted messages, in the style of Iceberg's {@code Preconditions}. */
public final class Checks {
  private Checks() {}

  /** Throws {@link IllegalArgumentException} with the formatted message unless {@code condition}. */
  public static void argument(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }
}
