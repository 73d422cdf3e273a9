package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Replaces the table's identifier columns (Iceberg's identifier fields). Each must be a required
 * primitive, not {@code float} or {@code double}, and not inside a list or map. No column clears them.
 *
 * <pre>{@code @SetIdentifierColumns({"event_id"})}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SetIdentifierColumns {

  /** The identifier columns' paths. */
  String[] value();
}
