package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of the table's sort order (Iceberg's write order).
 *
 * <p>On a field, the field's column is sorted: {@code @SortBy(direction = Direction.DESC) Instant
 * eventTime}. On the type, name the column: {@code @SortBy(column = "device.os")}, repeated as needed.
 * Sort fields are ordered by {@link #order()}, then by where they are declared.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE})
@Repeatable(SortBy.List.class)
public @interface SortBy {

  /** The column path; only on the type (on a field, the field is the column). */
  String column() default "";

  /** Ascending by default. */
  Direction direction() default Direction.ASC;

  /** Where nulls go; by default first for ascending and last for descending, as in Iceberg. */
  NullOrder nulls() default NullOrder.DEFAULT;

  /** The position of this field in the sort order: lower first. */
  int order() default 0;

  /** Sort direction. */
  enum Direction {
    ASC,
    DESC
  }

  /** Null placement. */
  enum NullOrder {
    DEFAULT,
    FIRST,
    LAST
  }

  /** Container of repeated {@link SortBy} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE})
  @interface List {
    SortBy[] value();
  }
}
