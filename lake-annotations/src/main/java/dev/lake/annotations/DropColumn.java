package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Drops a column and its data. Destructive: the step must be marked
 * {@code @Migration(destructive = true)}. A partition field, sort field or identifier column that uses it
 * must be dropped or changed in the same step.
 *
 * <pre>{@code @DropColumn("legacy_flags")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(DropColumn.List.class)
public @interface DropColumn {

  /** The column's path. */
  String value();

  /** Container of repeated {@link DropColumn} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    DropColumn[] value();
  }
}
