package dev.lake.core.engine;

import java.util.Objects;

/**
 * What a table remembers of one of its steps, kept in its own properties beside the state: how the
 * step got there (applied, adopted, baselined, undone), when and by whom, and what the migration said
 * of itself when it did. Texts are cut to {@link #MAX_TEXT} characters so the history stays small.
 *
 * @param step the step
 * @param checksum its checksum as recorded
 * @param event {@code applied}, {@code adopted} (the table already had the step's result),
 *     {@code baseline}, or {@code undone}
 * @param at when (ISO-8601)
 * @param by who ran it: {@code -Dlake.user}, the CI's actor, git's {@code user.name} or the OS user
 * @param description the migration's description
 * @param author the migration's author
 * @param reason the migration's reason
 * @param destructive whether the step loses data
 * @param repair the reason of the last {@code lake:repair} that accepted an edit of the step, with
 *     who and when, or null
 */
public record StepRecord(int step, String checksum, String event, String at, String by, String description,
    String author, String reason, boolean destructive, String repair) {

  /** The longest text a record keeps, per field. */
  public static final int MAX_TEXT = 200;

  public static final String APPLIED = "applied";
  public static final String ADOPTED = "adopted";
  public static final String BASELINE = "baseline";
  public static final String UNDONE = "undone";

  public StepRecord {
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(event, "event");
    at = cut(at);
    by = cut(by);
    description = cut(description);
    author = cut(author);
    reason = cut(reason);
    repair = cut(repair);
  }

  /** This record as another event of the same step. */
  public StepRecord as(String newEvent, String newAt, String newBy) {
    return new StepRecord(step, checksum, newEvent, newAt, newBy, description, author, reason, destructive, repair);
  }

  /** This record after a repair accepted the step's edited code. */
  public StepRecord repaired(String newChecksum, String why) {
    return new StepRecord(step, newChecksum, event, at, by, description, author, reason, destructive, why);
  }

  private static String cut(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    return stripped.length() <= MAX_TEXT ? stripped : stripped.substring(0, MAX_TEXT - 3) + "...";
  }
}
