package dev.lake.core.model;

import java.util.Locale;
import java.util.Objects;

/** A sort field: {@code column asc|desc nulls first|last}. */
public record SortField(String column, Direction direction, NullOrder nullOrder) {

  /** Sort direction. */
  public enum Direction {
    ASC,
    DESC;

    /** Iceberg's default null order for this direction: first for ascending, last for descending. */
    public NullOrder defaultNullOrder() {
      return this == ASC ? NullOrder.FIRST : NullOrder.LAST;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where nulls sort. */
  public enum NullOrder {
    FIRST,
    LAST;

    @Override
    public String toString() {
      return "nulls " + name().toLowerCase(Locale.ROOT);
    }
  }

  public SortField {
    Checks.argument(column != null && !column.isEmpty(), "Invalid sort field: empty column");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(nullOrder, "nullOrder");
  }

  public static SortField asc(String column) {
    return new SortField(column, Direction.ASC, NullOrder.FIRST);
  }

  public static SortField desc(String column) {
    return new SortField(column, Direction.DESC, NullOrder.LAST);
  }

  /**
   * Parses {@code column [asc|desc] [nulls first|last]} (keywords case-insensitive); the direction
   * defaults to ascending and the null order to the direction's default.
   */
  public static SortField parse(String text) {
    String[] words = text == null ? new String[0] : text.strip().split("\\s+");
    Checks.argument(words.length >= 1 && !words[0].isEmpty() && words.length <= 4,
        "Invalid sort field: '%s' (expected: column [asc|desc] [nulls first|last])", text);
    int i = 1;
    Direction direction = Direction.ASC;
    if (i < words.length && (words[i].equalsIgnoreCase("asc") || words[i].equalsIgnoreCase("desc"))) {
      direction = Direction.valueOf(words[i].toUpperCase(Locale.ROOT));
      i++;
    }
    NullOrder nulls = direction.defaultNullOrder();
    if (i < words.length) {
      Checks.argument(i + 2 == words.length && words[i].equalsIgnoreCase("nulls")
              && (words[i + 1].equalsIgnoreCase("first") || words[i + 1].equalsIgnoreCase("last")),
          "Invalid sort field: '%s' (expected: column [asc|desc] [nulls first|last])", text);
      nulls = NullOrder.valueOf(words[i + 1].toUpperCase(Locale.ROOT));
    }
    return new SortField(words[0], direction, nulls);
  }

  public SortField withColumn(String newColumn) {
    return new SortField(newColumn, direction, nullOrder);
  }

  @Override
  public String toString() {
    return column + " " + direction + " " + nullOrder;
  }
}
