package dev.lake.core.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The migration state a table records in its own properties, in the same commit as each step:
 * {@code lake.migration.step} (last applied step), {@code lake.migration.checksums} (the checksum of
 * each applied step, comma-separated, step 0 first), {@code lake.migration.applied-at},
 * {@code lake.migration.applied-by}, {@code lake.migration.history} (a {@link StepRecord} per step, as
 * JSON, for the last {@link #MAX_RECORDS} steps) and {@code lake.migration.undone} (the steps
 * {@code lake:undo} took back, {@code step:checksum}, comma-separated, so that migrating them again
 * restores what they had). Being the table's current properties, all of it survives the expiry of
 * old metadata.
 *
 * @param step the last applied step, -1 for none
 * @param checksums the checksum of steps 0 to {@code step}
 * @param appliedAt when the last step was applied (ISO-8601), or null
 * @param appliedBy who applied it, or null
 * @param history what the table remembers of each step, by step, at most {@link #MAX_RECORDS}
 * @param undone the checksums of steps undone and not applied again since, by step
 * @param pendingChecksum the checksum of step {@code step + 1} when its schema changes are applied and
 *     its data work is not published yet, or null; recorded as {@code lake.migration.data-pending}
 *     ({@code step:checksum})
 */
public record AppliedState(int step, List<String> checksums, String appliedAt, String appliedBy,
    List<StepRecord> history, Map<Integer, String> undone, String pendingChecksum) {
  public static final String STEP = "lake.migration.step";
  public static final String CHECKSUMS = "lake.migration.checksums";
  public static final String APPLIED_AT = "lake.migration.applied-at";
  public static final String APPLIED_BY = "lake.migration.applied-by";
  public static final String HISTORY = "lake.migration.history";
  public static final String UNDONE = "lake.migration.undone";
  public static final String DATA_PENDING = "lake.migration.data-pending";
  public static final List<String> KEYS = List.of(STEP, CHECKSUMS, APPLIED_AT, APPLIED_BY, HISTORY, UNDONE,
      DATA_PENDING);

  /** How many steps the history keeps records of: the newest ones. */
  public static final int MAX_RECORDS = 100;

  public static final AppliedState NONE = new AppliedState(-1, List.of(), null, null);

  private static final JsonFactory JSON = new JsonFactory();

  public AppliedState(int step, List<String> checksums, String appliedAt, String appliedBy) {
    this(step, checksums, appliedAt, appliedBy, List.of(), Map.of(), null);
  }

  public AppliedState(int step, List<String> checksums, String appliedAt, String appliedBy,
      List<StepRecord> history, Map<Integer, String> undone) {
    this(step, checksums, appliedAt, appliedBy, history, undone, null);
  }

  public AppliedState {
    checksums = List.copyOf(checksums);
    if (checksums.size() != step + 1) {
      throw new IllegalArgumentException("Invalid migration state: step " + step + " with " + checksums.size()
          + " checksums");
    }
    List<StepRecord> sorted = new ArrayList<>(history);
    sorted.sort(Comparator.comparingInt(StepRecord::step));
    if (sorted.size() > MAX_RECORDS) {
      sorted = sorted.subList(sorted.size() - MAX_RECORDS, sorted.size());
    }
    history = List.copyOf(sorted);
    undone = Map.copyOf(undone);
    if (pendingChecksum != null && pendingChecksum.isBlank()) {
      pendingChecksum = null;
    }
  }

  /** The step whose data work is pending (its schema changes are applied), if any. */
  public Optional<Integer> pendingStep() {
    return pendingChecksum == null ? Optional.empty() : Optional.of(step + 1);
  }

  /** This state with the next step's schema changes applied and its data work pending. */
  public AppliedState withDataPending(String checksum) {
    return new AppliedState(step, checksums, appliedAt, appliedBy, history, undone, checksum);
  }

  /** This state with no data work pending (its step's schema changes taken back). */
  public AppliedState withoutDataPending() {
    return new AppliedState(step, checksums, appliedAt, appliedBy, history, undone, null);
  }

  /** Whether the table records no state: Lake has never applied a step to it. */
  public boolean isNone() {
    return step < 0 && pendingChecksum == null;
  }

  /** This state after one more step, with its record (which replaces any earlier record of that step). */
  public AppliedState next(StepRecord record) {
    List<String> next = new ArrayList<>(checksums);
    next.add(record.checksum());
    return new AppliedState(step + 1, next, record.at(), record.by(), withRecord(record), withoutUndone(step + 1),
        null);
  }

  /** The record of a step, if the history still has one. */
  public Optional<StepRecord> record(int number) {
    return history.stream().filter(r -> r.step() == number).findFirst();
  }

  /**
   * This state with {@code newChecksums} for the applied steps: {@code lake:repair} accepting edited
   * code, {@code why} kept in the records of the steps whose checksum changes.
   */
  public AppliedState repaired(List<String> newChecksums, String why) {
    List<StepRecord> records = new ArrayList<>();
    for (StepRecord record : history) {
      String now = record.step() < newChecksums.size() ? newChecksums.get(record.step()) : record.checksum();
      records.add(now.equals(record.checksum()) ? record : record.repaired(now, why));
    }
    return new AppliedState(step, newChecksums, appliedAt, appliedBy, records, undone, pendingChecksum);
  }

  /**
   * This state taken back to {@code target}: later steps leave the checksums, their records say
   * {@code undone}, and their checksums are kept as undone.
   */
  public AppliedState undoneTo(int target, String at, String by) {
    Map<Integer, String> taken = new TreeMap<>(undone);
    List<StepRecord> records = new ArrayList<>();
    for (int i = target + 1; i <= step; i++) {
      taken.put(i, checksums.get(i));
    }
    for (StepRecord record : history) {
      records.add(record.step() > target && record.step() <= step ? record.as(StepRecord.UNDONE, at, by) : record);
    }
    return new AppliedState(target, checksums.subList(0, target + 1), at, by, records, taken);
  }

  private List<StepRecord> withRecord(StepRecord record) {
    List<StepRecord> records = new ArrayList<>(history);
    records.removeIf(r -> r.step() == record.step());
    records.add(record);
    return records;
  }

  private Map<Integer, String> withoutUndone(int number) {
    Map<Integer, String> left = new TreeMap<>(undone);
    left.remove(number);
    return left;
  }

  /** The properties that record this state. */
  public Map<String, String> toProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(STEP, String.valueOf(step));
    properties.put(CHECKSUMS, String.join(",", checksums));
    properties.put(APPLIED_AT, appliedAt == null ? "" : appliedAt);
    properties.put(APPLIED_BY, appliedBy == null ? "" : appliedBy);
    properties.put(HISTORY, historyJson());
    List<String> taken = new ArrayList<>();
    new TreeMap<>(undone).forEach((number, checksum) -> taken.add(number + ":" + checksum));
    properties.put(UNDONE, String.join(",", taken));
    properties.put(DATA_PENDING, pendingChecksum == null ? "" : (step + 1) + ":" + pendingChecksum);
    return properties;
  }

  private String historyJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (StepRecord record : history) {
        json.writeStartObject();
        json.writeNumberField("step", record.step());
        json.writeStringField("checksum", record.checksum());
        json.writeStringField("event", record.event());
        writeText(json, "at", record.at());
        writeText(json, "by", record.by());
        writeText(json, "description", record.description());
        writeText(json, "author", record.author());
        writeText(json, "reason", record.reason());
        if (record.destructive()) {
          json.writeBooleanField("destructive", true);
        }
        writeText(json, "repair", record.repair());
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeText(JsonGenerator json, String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
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
      List<String> list = split(properties.get(CHECKSUMS));
      Map<Integer, String> undone = new TreeMap<>();
      for (String entry : split(properties.get(UNDONE))) {
        String[] parts = entry.split(":", 2);
        undone.put(Integer.parseInt(parts[0].strip()), parts[1].strip());
      }
      return new AppliedState(number, list, blankToNull(properties.get(APPLIED_AT)),
          blankToNull(properties.get(APPLIED_BY)), history(properties.get(HISTORY)), undone,
          pendingChecksum(number, blankToNull(properties.get(DATA_PENDING))));
    } catch (RuntimeException | IOException e) {
      throw new LakeException("Unreadable migration state in table " + table + ": " + STEP + "=" + step + ", "
          + CHECKSUMS + "=" + properties.get(CHECKSUMS) + " (were the lake.migration.* properties edited by hand? "
          + "restore them from the table's metadata log)");
    }
  }

  /** The checksum of {@code step:checksum}, which must name the step after {@code step}; null for null. */
  private static String pendingChecksum(int step, String recorded) {
    if (recorded == null) {
      return null;
    }
    String[] parts = recorded.split(":", 2);
    if (parts.length != 2 || Integer.parseInt(parts[0].strip()) != step + 1) {
      throw new IllegalArgumentException("data pending for " + recorded + " at step " + step);
    }
    return parts[1].strip();
  }

  private static List<StepRecord> history(String text) throws IOException {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<StepRecord> records = new ArrayList<>();
    try (JsonParser json = JSON.createParser(text)) {
      expect(json.nextToken(), JsonToken.START_ARRAY);
      while (json.nextToken() == JsonToken.START_OBJECT) {
        Map<String, String> fields = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          JsonToken value = json.nextToken();
          if (value.isStructStart()) {
            json.skipChildren(); // written by a later version: not this one's to read
          } else if (value != JsonToken.VALUE_NULL) {
            fields.put(name, json.getText());
          }
        }
        records.add(new StepRecord(Integer.parseInt(required(fields, "step")), required(fields, "checksum"),
            required(fields, "event"), fields.get("at"), fields.get("by"), fields.get("description"),
            fields.get("author"), fields.get("reason"), Boolean.parseBoolean(fields.get("destructive")),
            fields.get("repair")));
      }
      expect(json.currentToken(), JsonToken.END_ARRAY);
      expect(json.nextToken(), null);
    }
    return records;
  }

  private static void expect(JsonToken token, JsonToken expected) {
    if (token != expected) {
      throw new IllegalArgumentException("history: " + expected + " expected, not " + token);
    }
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("history: a record has no " + name);
    }
    return value;
  }

  private static List<String> split(String text) {
    return text == null || text.isBlank() ? List.of()
        : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
