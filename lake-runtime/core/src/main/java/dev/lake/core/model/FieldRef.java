package dev.lake.core.model;

/**
 * A column found by its path. For a list element or a map key or value, {@link #field()} is a
 * stand-in column named {@code element}, {@code key} or {@code value} that carries the element's type
 * and required flag (and no doc).
 *
 * @param path the dotted path
 * @param field the column, or the stand-in for an element, key or value
 * @param kind what the path names
 * @param inCollection whether a list or map encloses it (element, key and value themselves included)
 * @param inMapKey whether it is a map key or inside one
 * @param ancestorsRequired whether every enclosing struct field is required
 */
public record FieldRef(String path, Column field, Kind kind, boolean inCollection, boolean inMapKey,
    boolean ancestorsRequired) {

  /** What a path names. */
  public enum Kind {
    FIELD,
    ELEMENT,
    KEY,
    VALUE
  }

  public Type type() {
    return field.type();
  }

  public boolean required() {
    return field.required();
  }

  /** The parent's path, empty for a top-level column. */
  public String parentPath() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }
}
