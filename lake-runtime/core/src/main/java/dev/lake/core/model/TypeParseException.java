package dev.lake.core.model;

/** A type text that does not parse: says where (0-based position) and what was expected. */
public final class TypeParseException extends IllegalArgumentException {
  private final String text;
  private final int position;

  TypeParseException(String text, int position, String problem) {
    super(String.format("Cannot parse type '%s': %s at position %s", text, problem, position));
    this.text = text;
    this.position = position;
  }

  /** The text that failed to parse. */
  public String text() {
    return text;
  }

  /** The 0-based position of the problem in {@link #text()}. */
  public int position() {
    return position;
  }
}
