package dev.lake.core.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lake.core.json.JsonTree;
import dev.lake.core.json.ModelJson;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The index that the annotation processor writes on every compile and the runtime reads, so that
 * nothing scans the class path: one resource, {@code META-INF/lake/index.json}, listing each table
 * with its format, its declared model (in the canonical JSON form of {@link ModelJson}) and its migration classes
 * in step order.
 *
 * <p>It is one file on purpose: javac checks each file a processor creates against every file created
 * before, so a file per table made large projects compile slowly. Several class path entries (the
 * modules of a reactor) may each hold an index; their tables must not overlap.
 */
public final class LakeIndex {
  public static final String RESOURCE = "META-INF/lake/index.json";
  /**
   * The version of the index format this version writes. It reads this one and version 1, which did
   * not record drift.
   */
  public static final int FORMAT = 2;

  /**
   * One table of the index: its format, its declared model (if declared) and its migration classes.
   *
   * @param format the table's format, as {@code @LakeTable(format = ...)} names it
   * @param enabled false for {@code @LakeTable(enabled = false)}: its history is checked, but no goal
   *     touches the table
   * @param drift the compile's drift report on the declaration, if it drifted from its history: what
   *     {@code lake:check} fails on, read here instead of compiling again
   */
  public record Entry(TableName table, String format, Optional<TableModel> model, List<String> migrationClasses,
      String source, boolean enabled, Optional<String> drift) {
    public Entry {
      format = format == null || format.isBlank() ? FormatRules.DEFAULT_FORMAT : format;
      migrationClasses = List.copyOf(migrationClasses);
      drift = drift == null ? Optional.empty() : drift;
    }

    /** An enabled table that did not drift. */
    public Entry(TableName table, String format, Optional<TableModel> model, List<String> migrationClasses,
        String source) {
      this(table, format, model, migrationClasses, source, true, Optional.empty());
    }
  }

  private LakeIndex() {}

  /** The index files of these entries: path below the class output to content. */
  public static Map<String, String> files(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::table));
    StringWriter out = new StringWriter();
    try (JsonGenerator json = ModelJson.generator(out)) {
      json.writeStartObject();
      json.writeNumberField("format", FORMAT);
      json.writeArrayFieldStart("tables");
      for (Entry entry : sorted) {
        json.writeStartObject();
        json.writeStringField("table", entry.table().toString());
        json.writeStringField("format", entry.format());
        if (!entry.enabled()) {
          json.writeBooleanField("enabled", false);
        }
        if (entry.drift().isPresent()) {
          json.writeStringField("drift", entry.drift().get());
        }
        if (entry.model().isPresent()) {
          json.writeFieldName("model");
          ModelJson.write(json, entry.model().get());
        }
        json.writeArrayFieldStart("migrations");
        for (String migration : entry.migrationClasses()) {
          json.writeString(migration);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(RESOURCE, out.append('\n').toString());
  }

  /** Writes the index of these entries below a class output directory. */
  public static void write(Path classOutput, List<Entry> entries) throws IOException {
    for (Map.Entry<String, String> file : files(entries).entrySet()) {
      Path path = classOutput.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Reads every index visible to the class loader, by table name.
   *
   * @throws IllegalStateException when two indexes hold the same table, or an index is unreadable
   */
  public static Map<TableName, Entry> read(ClassLoader loader) {
    Map<TableName, Entry> entries = new TreeMap<>();
    try {
      for (URL index : Collections.list(loader.getResources(RESOURCE))) {
        for (Entry entry : parse(index)) {
          Entry previous = entries.putIfAbsent(entry.table(), entry);
          if (previous != null) {
            throw new IllegalStateException("Table " + entry.table() + " is declared twice: in " + previous.source()
                + " and in " + index + "; declare each table in one module");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Lake's index (" + RESOURCE + ")", e);
    }
    return entries;
  }

  private static List<Entry> parse(URL index) throws IOException {
    try (InputStream in = index.openStream()) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), index.toString());
    }
  }

  /**
   * One table's drift verdict, as the compile recorded it in the index.
   *
   * @param enabled false for {@code @LakeTable(enabled = false)}
   * @param report the drift report, if the declaration drifted from its history
   */
  public record Drift(TableName table, boolean enabled, Optional<String> report) {}

  /**
   * Each table's drift verdict, read without its model or migrations (all that {@code lake:check}
   * needs of the index before it replays the histories); empty when the index records no drift (an
   * index of an earlier version of the processor).
   */
  public static Optional<List<Drift>> drift(String text) throws IOException {
    int format = -1;
    List<Drift> verdicts = new ArrayList<>();
    try (JsonParser json = new JsonFactory().createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("format") && value == JsonToken.VALUE_NUMBER_INT) {
          format = json.getIntValue();
        } else if (field.equals("tables") && value == JsonToken.START_ARRAY) {
          while (json.nextToken() == JsonToken.START_OBJECT) {
            verdicts.add(driftOf(json));
          }
        } else {
          json.skipChildren();
        }
      }
    }
    return format >= 2 ? Optional.of(verdicts) : Optional.empty();
  }

  /** The drift verdict of the table whose object the parser has just entered. */
  private static Drift driftOf(JsonParser json) throws IOException {
    String table = null;
    boolean enabled = true;
    String report = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "table" -> table = json.getText();
        case "enabled" -> enabled = value != JsonToken.VALUE_FALSE;
        case "drift" -> report = value == JsonToken.VALUE_NULL ? null : json.getText();
        default -> json.skipChildren();
      }
    }
    if (table == null) {
      throw new IOException("A table of the index has no name");
    }
    return new Drift(TableName.parse(table), enabled, Optional.ofNullable(report));
  }

  /**
   * The entries of one index file.
   *
   * @param source where the text comes from, for messages
   */
  public static List<Entry> parse(String text, String source) throws IOException {
    Map<String, Object> root = JsonTree.parse(text) instanceof Map<?, ?> object ? fields(object) : null;
    Object format = root == null ? null : root.get("format");
    if (!(format instanceof Long number) || number < 1 || number > FORMAT) {
      throw new IllegalStateException("Unsupported Lake index " + source + " (format " + (root == null ? "none"
          : JsonTree.show(format)) + "; this version reads format " + FORMAT + "): rebuild the project ('mvn compile')");
    }
    List<Entry> entries = new ArrayList<>();
    for (Object item : root.get("tables") instanceof List<?> tables ? tables : List.of()) {
      Map<String, Object> table = item instanceof Map<?, ?> object ? fields(object) : Map.of();
      List<String> migrations = new ArrayList<>();
      if (table.get("migrations") instanceof List<?> names) {
        names.forEach(name -> migrations.add(String.valueOf(name)));
      }
      Object model = table.get("model");
      entries.add(new Entry(TableName.parse(table.get("table") instanceof String name ? name : ""),
          table.get("format") instanceof String name ? name : null,
          model == null ? Optional.empty() : Optional.of(ModelJson.read(model)),
          migrations, source, !Boolean.FALSE.equals(table.get("enabled")),
          Optional.ofNullable(table.get("drift") instanceof String drift ? drift : null)));
    }
    return entries;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(Map<?, ?> object) {
    return (Map<String, Object>) object;
  }
}
