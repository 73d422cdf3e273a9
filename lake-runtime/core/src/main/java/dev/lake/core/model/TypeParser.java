package dev.lake.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Recursive-descent parser of the type grammar described on {@link Type}. */
final class TypeParser {
  private static final String PRIMITIVES =
      "boolean, int, long, float, double, decimal(P, S), date, time, timestamp, timestamptz, "
          + "timestamp_ns, timestamptz_ns, string, uuid, fixed[N], binary, struct<...>, list<...>, map<...>";

  private static final java.util.Map<String, PrimitiveType> PRIMITIVE_TEXTS = primitiveTexts();

  private static java.util.Map<String, PrimitiveType> primitiveTexts() {
    java.util.Map<String, PrimitiveType> texts = new java.util.HashMap<>();
    for (PrimitiveType type : PrimitiveType.values()) {
      texts.put(type.toString(), type);
    }
    return java.util.Map.copyOf(texts);
  }

  private final String text;
  private int pos;

  private TypeParser(String text) {
    this.text = text;
  }

  static Type parseType(String text) {
    if (text == null) {
      throw new IllegalArgumentException("Cannot parse type: null");
    }
    PrimitiveType primitive = PRIMITIVE_TEXTS.get(text);
    if (primitive != null) {
      // Most types written are a primitive's own text: found without parsing.
      return primitive;
    }
    TypeParser parser = new TypeParser(text);
    Type type = parser.type();
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw parser.error("expected end of type but found " + parser.found());
    }
    return type;
  }

  private Type type() {
    skipSpace();
    int start = pos;
    String word = word();
    if (word.isEmpty()) {
      throw error("expected a type (" + PRIMITIVES + ") but found " + found());
    }
    switch (word.toLowerCase(Locale.ROOT)) {
      case "decimal" -> {
        expect('(');
        int precision = number();
        expect(',');
        int scale = number();
        expect(')');
        return build(start, () -> new DecimalType(precision, scale));
      }
      case "fixed" -> {
        expect('[');
        int length = number();
        expect(']');
        return build(start, () -> new FixedType(length));
      }
      case "struct" -> {
        return struct();
      }
      case "list" -> {
        expect('<');
        Type element = type();
        boolean required = notNull();
        expect('>');
        return new ListType(element, required);
      }
      case "map" -> {
        expect('<');
        Type key = type();
        if (peekKeyword("not")) {
          throw error("map keys are always required; 'not null' is only allowed after the value type");
        }
        expect(',');
        Type value = type();
        boolean required = notNull();
        expect('>');
        return new MapType(key, value, required);
      }
      default -> {
        for (PrimitiveType primitive : PrimitiveType.values()) {
          if (primitive.toString().equalsIgnoreCase(word)) {
            return primitive;
          }
        }
        pos = start;
        throw error("unknown type '" + word + "'; expected one of " + PRIMITIVES);
      }
    }
  }

  private Type struct() {
    expect('<');
    List<Column> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    skipSpace();
    if (peek() == '>') {
      pos++;
      return new StructType(fields);
    }
    while (true) {
      skipSpace();
      int nameStart = pos;
      String name = name();
      if (!names.add(name)) {
        pos = nameStart;
        throw error("duplicate field name '" + name + "'");
      }
      expect(':');
      Type fieldType = type();
      boolean required = notNull();
      String doc = null;
      if (peekKeyword("comment")) {
        word();
        doc = string();
      }
      String fieldDoc = doc;
      fields.add(build(nameStart, () -> new Column(name, fieldType, required, fieldDoc)));
      skipSpace();
      char next = peek();
      if (next == ',') {
        pos++;
      } else if (next == '>') {
        pos++;
        return new StructType(fields);
      } else {
        throw error("expected ',' or '>' but found " + found());
      }
    }
  }

  private boolean notNull() {
    if (!peekKeyword("not")) {
      return false;
    }
    word();
    skipSpace();
    int start = pos;
    if (!word().equalsIgnoreCase("null")) {
      pos = start;
      throw error("expected 'null' after 'not' but found " + found());
    }
    return true;
  }

  private String name() {
    skipSpace();
    if (peek() == '`') {
      int start = pos++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          pos = start;
          throw error("unterminated quoted name");
        }
        char c = text.charAt(pos++);
        if (c == '`') {
          if (peek() == '`') {
            out.append('`');
            pos++;
          } else {
            return out.toString();
          }
        } else {
          out.append(c);
        }
      }
    }
    String word = word();
    if (word.isEmpty()) {
      throw error("expected a field name but found " + found());
    }
    return word;
  }

  private String string() {
    skipSpace();
    if (peek() != '\'') {
      throw error("expected a quoted comment ('text') but found " + found());
    }
    int start = pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\'') {
        return out.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        char escaped = text.charAt(pos++);
        switch (escaped) {
          case '\'', '\\' -> out.append(escaped);
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          default -> {
            pos -= 2;
            throw error("unknown escape '\\" + escaped + "' in comment (use \\', \\\\, \\n, \\r or \\t)");
          }
        }
      } else {
        out.append(c);
      }
    }
    pos = start;
    throw error("unterminated comment");
  }

  private int number() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a number but found " + found());
    }
    try {
      return Integer.parseInt(text.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("number too large");
    }
  }

  private <T> T build(int start, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (TypeParseException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      pos = start;
      throw error(e.getMessage());
    }
  }

  private String word() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean peekKeyword(String keyword) {
    skipSpace();
    int start = pos;
    String word = word();
    pos = start;
    return word.equalsIgnoreCase(keyword);
  }

  private void expect(char c) {
    skipSpace();
    if (peek() != c) {
      throw error("expected '" + c + "' but found " + found());
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private String found() {
    if (pos >= text.length()) {
      return "end of text";
    }
    int start = pos;
    String word = word();
    pos = start;
    return "'" + (word.isEmpty() ? String.valueOf(text.charAt(pos)) : word) + "'";
  }

  private TypeParseException error(String problem) {
    return new TypeParseException(text, pos, problem);
  }
}
