package dev.lake.core.model;

import java.util.Objects;

/**
 * A column or struct field: a name (no dots; paths join names with dots), a type, whether it is
 * required ({@code not null}) and its documentation ({@code null} for none; an empty doc is none).
 */
public record Column(String name, Type type, boolean required, String doc) {

  public Column {
    Names.checkName(name);
    Objects.requireNonNull(type, "type");
    doc = doc == null || doc.isEmpty() ? null : doc;
  }

  public static Column optional(String name, Type type) {
    return new Column(name, type, false, null);
  }

  public static Column required(String name, Type type) {
    return new Column(name, type, true, null);
  }

  public Column withName(String newName) {
    return new Column(newName, type, required, doc);
  }

  public Column withType(Type newType) {
    return new Column(name, newType, required, doc);
  }

  public Column withRequired(boolean newRequired) {
    return new Column(name, type, newRequired, doc);
  }

  public Column withDoc(String newDoc) {
    return new Column(name, type, required, newDoc);
  }

  /** The column as a struct field in the type grammar: {@code name: type [not null] [comment '...']}. */
  @Override
  public String toString() {
    String text = StructType.of(this).toString();
    return text.substring("struct<".length(), text.length() - 1);
  }
}
