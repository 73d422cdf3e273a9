package dev.lake.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration state a table records in its own properties, in the same commit as each step:
 * {@code lake.migration.step} (last applied step), {@code lake.migration.checksums} (the checksum of
 * each applied step, comma-separated, step 0 first), {@code lake.migration.applied-at} and
 * {@code lake.migration.applied-by}.
 *
 * @param step the last applied step, -1 for none
 * @param checksums the checksum of steps 0 to {@code step}
 * @param appliedAt when the last step was applied (ISO-8601), or null
 * @param appliedBy who applied it, or null
 */
public record AppliedState(int step, List<String> checksums, String appliedAt, String appliedBy) {
  public static final String STEP = "lake.migration.step";
  public static final String CHECKSUMS = "lake.migration.checksums";
  public static final String APPLIED_AT = "lake.migration.applied-at";
  public static final String APPLIED_BY = "lake.migration.applied-by";
  public static final List<String> KEYS = List.of(STEP, CHECKSUMS, APPLIED_AT, APPLIED_BY);

  public static final AppliedState NONE = new AppliedState(-1, List.of(), null, null);

  public AppliedState {
    checksums = List.copyOf(checksums);
    if (checksums.size() != step + 1) {
      throw new IllegalArgumentException("Invalid migration state: step " + step + " with " + checksums.size()
          + " checksums");
    }
  }

  /** Whether the table records no state: Lake has never applied a step to it. */
  public boolean isNone() {
    return step < 0;
  }

  /** This state after one more step. */
  public AppliedState next(String checksum, String at, String by) {
    List<String> next = new ArrayList<>(checksums);
    next.add(checksum);
    return new AppliedState(step + 1, next, at, by);
  }

  /** The properties that record this state. */
  public Map<String, String> toProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(STEP, String.valueOf(step));
    properties.put(CHECKSUMS, String.join(",", checksums));
    properties.put(APPLIED_AT, appliedAt == null ? "" : appliedAt);
    properties.put(APPLIED_BY, appliedBy == null ? "" : appliedBy);
    return properties;
  }

  /**
   * The state recorded in a table's properties; {@link #NONE} when there is none.
   *
   * @throws LakeException when the properties are unreadable (edited by hand)
   */
  public static AppliedState fromProperties(String table, Map<String, String> properties) {
    String step = properties.get(STEP);
    if (step == null) {
      return NONE;
    }
    try {
      int number = Integer.parseInt(step.strip());
      String checksums = properties.getOrDefault(CHECKSUMS, "");
      List<String> list = checksums.isBlank() ? List.of() : Arrays.stream(checksums.split(",")).map(String::strip).toList();
      return new AppliedState(number, list, blankToNull(properties.get(APPLIED_AT)),
          blankToNull(properties.get(APPLIED_BY)));
    } catch (IllegalArgumentException e) {
      throw new LakeException("Unreadable migration state in table " + table + ": " + STEP + "=" + step + ", "
          + CHECKSUMS + "=" + properties.get(CHECKSUMS) + " (were they edited by hand? restore them from the "
          + "table's metadata log)");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
