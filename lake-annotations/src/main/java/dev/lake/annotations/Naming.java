package dev.lake.annotations;

/** How Java field names become column names. */
public enum Naming {
  /** The Java name as written: {@code eventTime} stays {@code eventTime}. */
  AS_IS,
  /** Lower snake case: {@code eventTime} becomes {@code event_time}, {@code userID} becomes {@code user_id}. */
  SNAKE_CASE
}
