package dev.lake.core.change;

import dev.lake.core.model.Checks;

/**
 * Where a column goes within its parent: last (the default for an added column), first, or right
 * after or before a sibling named by its leaf name.
 */
public record Position(Kind kind, String sibling) {

  public static final Position LAST = new Position(Kind.LAST, null);
  public static final Position FIRST = new Position(Kind.FIRST, null);

  /** The kinds of position. */
  public enum Kind {
    LAST,
    FIRST,
    AFTER,
    BEFORE
  }

  public Position {
    boolean relative = kind == Kind.AFTER || kind == Kind.BEFORE;
    Checks.argument(relative == (sibling != null && !sibling.isEmpty()),
        relative ? "Invalid position: %s needs a sibling column" : "Invalid position: %s takes no sibling", kind);
    if (relative) {
      Checks.argument(sibling.indexOf('.') < 0,
          "Invalid position: %s %s (name a sibling by its leaf name, without dots)", kind, sibling);
    }
  }

  public static Position after(String sibling) {
    return new Position(Kind.AFTER, sibling);
  }

  public static Position before(String sibling) {
    return new Position(Kind.BEFORE, sibling);
  }

  /**
   * Reads a position from annotation values: {@code first}, {@code after} and {@code before} (empty
   * for none). At most one may be set; with none, {@code whenNone}. A sibling given as a full path
   * must share {@code parent}; it is reduced to its leaf name.
   */
  static Position of(String parent, boolean first, String after, String before, Position whenNone) {
    int set = (first ? 1 : 0) + (after.isEmpty() ? 0 : 1) + (before.isEmpty() ? 0 : 1);
    Checks.argument(set <= 1, "Invalid position: set only one of first, after and before");
    if (first) {
      return FIRST;
    } else if (!after.isEmpty()) {
      return after(leaf(parent, after));
    } else if (!before.isEmpty()) {
      return before(leaf(parent, before));
    }
    return whenNone;
  }

  private static String leaf(String parent, String sibling) {
    if (!parent.isEmpty() && sibling.startsWith(parent + ".")) {
      return sibling.substring(parent.length() + 1);
    }
    Checks.argument(sibling.indexOf('.') < 0,
        "Invalid position: %s is not a sibling (name a column of the same parent%s)", sibling,
        parent.isEmpty() ? "" : ", " + parent);
    return sibling;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case LAST -> "last";
      case FIRST -> "first";
      case AFTER -> "after " + sibling;
      case BEFORE -> "before " + sibling;
    };
  }
}
