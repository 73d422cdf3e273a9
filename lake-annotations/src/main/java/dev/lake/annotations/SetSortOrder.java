package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Replaces the table's sort order (Iceberg's write order). Each field is
 * {@code column [asc|desc] [nulls first|last]}; no field makes the table unsorted.
 *
 * <pre>{@code @SetSortOrder({"event_time desc", "user_id asc nulls last"})}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SetSortOrder {

  /** The sort fields, most significant first. */
  String[] value();
}
