package dev.lake.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.lake.core.model.Column;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.SortField;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.model.Transform;
import dev.lake.core.model.Type;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The canonical JSON form of a {@link TableModel}: the same model always gives the same bytes (fixed
 * key order, two-space indent, {@code \n} line ends, a final newline), and {@link #read(String)} gives
 * the model back. Column types are written in the type grammar.
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "table": "analytics.events",
 *   "columns": [
 *     {
 *       "name": "id",
 *       "type": "long",
 *       "required": true
 *     }
 *   ],
 *   "partitioning": [],
 *   "sortOrder": [],
 *   "identifierColumns": [],
 *   "properties": {}
 * }
 * }</pre>
 */
public final class ModelJson {
  /** The version of this form; a reader refuses any other. */
  public static final int FORMAT = 1;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DefaultPrettyPrinter PRINTER = pretty();

  private ModelJson() {}

  /** The canonical JSON text of a model. */
  public static String write(TableModel model) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = generator(out)) {
      write(json, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  /** A generator that writes JSON in the layout of {@link #write(TableModel)}. */
  public static JsonGenerator generator(Writer out) throws IOException {
    return FACTORY.createGenerator(out).setPrettyPrinter(PRINTER);
  }

  /** Writes a model's JSON form as the generator's next value (in a document of several, say). */
  public static void write(JsonGenerator json, TableModel model) throws IOException {
    json.writeStartObject();
    json.writeNumberField("format", FORMAT);
    json.writeStringField("table", model.name().toString());
    json.writeArrayFieldStart("columns");
    for (Column column : model.columns()) {
      json.writeStartObject();
      json.writeStringField("name", column.name());
      json.writeStringField("type", column.type().toString());
      json.writeBooleanField("required", column.required());
      if (column.doc() != null) {
        json.writeStringField("doc", column.doc());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("partitioning");
    for (PartitionField field : model.partitioning()) {
      json.writeStartObject();
      json.writeStringField("source", field.source());
      json.writeStringField("transform", field.transform().toString());
      if (field.name() != null) {
        json.writeStringField("name", field.name());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("sortOrder");
    for (SortField field : model.sortOrder()) {
      json.writeStartObject();
      json.writeStringField("column", field.column());
      json.writeStringField("direction", field.direction().name().toLowerCase(Locale.ROOT));
      json.writeStringField("nulls", field.nullOrder().name().toLowerCase(Locale.ROOT));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("identifierColumns");
    for (String column : model.identifierColumns()) {
      json.writeString(column);
    }
    json.writeEndArray();
    json.writeObjectFieldStart("properties");
    for (var property : model.properties().entrySet()) {
      json.writeStringField(property.getKey(), property.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * Reads a model from its JSON form.
   *
   * @throws IllegalArgumentException when the text is not a model: the message says which field is wrong
   */
  public static TableModel read(String text) {
    Object root;
    try {
      root = JsonTree.parse(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid table model JSON: " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return read(root);
  }

  /**
   * Reads a model from its JSON form, parsed already ({@link JsonTree}; an index holds models within
   * its own JSON).
   *
   * @throws IllegalArgumentException when the tree is not a model: the message says which field is wrong
   */
  public static TableModel read(Object root) {
    Reader reader = new Reader();
    Map<String, Object> object = reader.object(root, "the model");
    reader.only(object, "the model", Set.of("format", "table", "columns", "partitioning", "sortOrder",
        "identifierColumns", "properties"));
    Object format = reader.field(object, "format", "the model");
    if (!(format instanceof Long number) || number != FORMAT) {
      throw new IllegalArgumentException("Unsupported table model format: " + JsonTree.show(format)
          + " (this version of Lake reads format " + FORMAT + ")");
    }
    TableName name = reader.wrap("table", () -> TableName.parse(reader.text(object, "table", "the model")));
    TableModel.Builder model = TableModel.builder(name);
    int index = 0;
    for (Object node : reader.array(object, "columns", "the model")) {
      String where = "column " + index++;
      Map<String, Object> column = reader.object(node, where);
      reader.only(column, where, Set.of("name", "type", "required", "doc"));
      model.column(reader.wrap(where, () -> new Column(reader.text(column, "name", where),
          Type.parse(reader.text(column, "type", where)), reader.bool(column, "required", where),
          column.containsKey("doc") ? reader.text(column, "doc", where) : null)));
    }
    index = 0;
    for (Object node : reader.array(object, "partitioning", "the model")) {
      String where = "partition field " + index++;
      Map<String, Object> field = reader.object(node, where);
      reader.only(field, where, Set.of("source", "transform", "name"));
      model.partition(reader.wrap(where, () -> new PartitionField(reader.text(field, "source", where),
          Transform.parse(reader.text(field, "transform", where)),
          field.containsKey("name") ? reader.text(field, "name", where) : null)));
    }
    index = 0;
    for (Object node : reader.array(object, "sortOrder", "the model")) {
      String where = "sort field " + index++;
      Map<String, Object> field = reader.object(node, where);
      reader.only(field, where, Set.of("column", "direction", "nulls"));
      model.sort(reader.wrap(where, () -> new SortField(reader.text(field, "column", where),
          SortField.Direction.valueOf(reader.text(field, "direction", where).toUpperCase(Locale.ROOT)),
          SortField.NullOrder.valueOf(reader.text(field, "nulls", where).toUpperCase(Locale.ROOT)))));
    }
    for (Object node : reader.array(object, "identifierColumns", "the model")) {
      if (!(node instanceof String path)) {
        throw new IllegalArgumentException("Invalid table model JSON: identifierColumns must hold strings");
      }
      model.identifier(path);
    }
    Map<String, Object> properties = reader.object(reader.field(object, "properties", "the model"), "properties");
    TreeMap<String, String> values = new TreeMap<>();
    for (String key : properties.keySet()) {
      values.put(key, reader.text(properties, key, "properties"));
    }
    values.forEach(model::property);
    return model.build();
  }

  private static DefaultPrettyPrinter pretty() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** Strict field access with messages that say where. */
  private static final class Reader {
    Object field(Map<String, Object> object, String name, String where) {
      Object value = object.get(name);
      if (value == null) {
        throw invalid(where + " has no '" + name + "'");
      }
      return value;
    }

    String text(Map<String, Object> object, String name, String where) {
      if (!(field(object, name, where) instanceof String value)) {
        throw invalid("'" + name + "' of " + where + " must be a string");
      }
      return value;
    }

    boolean bool(Map<String, Object> object, String name, String where) {
      if (!(field(object, name, where) instanceof Boolean value)) {
        throw invalid("'" + name + "' of " + where + " must be true or false");
      }
      return value;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(Object node, String where) {
      if (!(node instanceof Map<?, ?> map)) {
        throw invalid(where + " must be an object");
      }
      return (Map<String, Object>) map;
    }

    List<?> array(Map<String, Object> object, String name, String where) {
      if (!(field(object, name, where) instanceof List<?> items)) {
        throw invalid("'" + name + "' of " + where + " must be an array");
      }
      return items;
    }

    void only(Map<String, Object> object, String where, Set<String> known) {
      for (String name : object.keySet()) {
        if (!known.contains(name)) {
          throw invalid(where + " has an unknown field '" + name + "'");
        }
      }
    }

    <T> T wrap(String where, Supplier<T> read) {
      try {
        return read.get();
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("Invalid table model JSON")) {
          throw e;
        }
        throw invalid(where + ": " + e.getMessage());
      }
    }

    private static IllegalArgumentException invalid(String problem) {
      return new IllegalArgumentException("Invalid table model JSON: " + problem);
    }
  }
}
