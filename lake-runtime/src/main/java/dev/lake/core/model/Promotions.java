package dev.lake.core.model;

/**
 * The type promotions a table format allows without rewriting data: {@code int -> long},
 * {@code float -> double}, and {@code decimal(P, S) -> decimal(P2, S)} with {@code P2 > P}.
 */
public final class Promotions {

  /** The allowed promotions in words, for error messages. */
  public static final String ALLOWED =
      "int -> long, float -> double, decimal(P, S) -> decimal(P2, S) with P2 > P";

  private Promotions() {}

  /** Whether a column of type {@code from} may become {@code to} (a type never promotes to itself). */
  public static boolean isAllowed(Type from, Type to) {
    if (from == PrimitiveType.INT) {
      return to == PrimitiveType.LONG;
    } else if (from == PrimitiveType.FLOAT) {
      return to == PrimitiveType.DOUBLE;
    } else if (from instanceof DecimalType a && to instanceof DecimalType b) {
      return b.scale() == a.scale() && b.precision() > a.precision();
    }
    return false;
  }
}
