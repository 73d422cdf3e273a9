package dev.lake.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON read with jackson-core's parser into plain values: an object is a {@code Map<String, Object>}
 * (fields in order), an array a {@code List<Object>}, a string a {@code String}, a whole number a
 * {@code Long} (or {@code BigInteger}), another number a {@code Double}, {@code true}/{@code false} a
 * {@code Boolean}, {@code null} null. What Lake reads (the index, models) is small and read once: this
 * spares every goal Jackson's databind (about 350 classes and a mapper to set up) for it.
 */
public final class JsonTree {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonTree() {}

  /**
   * The value of a JSON text; null for an empty one.
   *
   * @throws com.fasterxml.jackson.core.JsonProcessingException when it is not JSON, or an object
   *     repeats a field
   */
  public static Object parse(String text) throws IOException {
    try (JsonParser json = JSON.createParser(text)) {
      JsonToken token = json.nextToken();
      return token == null ? null : value(json, token);
    }
  }

  private static Object value(JsonParser json, JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonParseException(json, "Unexpected end-of-input");
    }
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          if (object.containsKey(name)) {
            throw new JsonParseException(json, "Duplicate field '" + name + "'");
          }
          object.put(name, value(json, json.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        List<Object> array = new ArrayList<>();
        for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
          array.add(value(json, item));
        }
        return array;
      }
      case VALUE_STRING:
        return json.getText();
      case VALUE_NUMBER_INT:
        return json.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? json.getBigIntegerValue()
            : json.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return json.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonParseException(json, "Unexpected " + token);
    }
  }

  /** A value as JSON would show it in a message: strings quoted. */
  public static String show(Object value) {
    return value instanceof String text ? '"' + text + '"' : String.valueOf(value);
  }
}
