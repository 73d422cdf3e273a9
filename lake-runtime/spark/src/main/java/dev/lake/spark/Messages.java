package dev.lake.spark;

/** Spark's own words for a failure, without its stack trace or query plan. */
final class Messages {
  private Messages() {}

  static String of(Throwable e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    // Spark appends the statement and a caret under the failing spot, then sometimes the plan.
    int plan = message.indexOf("\n==");
    if (plan >= 0) {
      message = message.substring(0, plan);
    }
    return message.strip();
  }
}
