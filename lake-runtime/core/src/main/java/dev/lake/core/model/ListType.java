package dev.lake.core.model;

import java.util.Objects;

/** {@code list<type [not null]>}: its element is addressed as {@code <list>.element}. */
public record ListType(Type element, boolean elementRequired) implements Type {

  /** The path segment that names a list's element. */
  public static final String ELEMENT = "element";

  public ListType {
    Objects.requireNonNull(element, "element");
  }

  /** A list of optional elements. */
  public static ListType of(Type element) {
    return new ListType(element, false);
  }

  @Override
  public String toString() {
    return "list<" + element + (elementRequired ? " not null" : "") + ">";
  }
}
