package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an optional column required ({@code not null}). Needs care: it fails where the table holds nulls.
 *
 * <pre>{@code @RequireColumn("user_id")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(RequireColumn.List.class)
public @interface RequireColumn {

  /** The column's path. */
  String value();

  /** Container of repeated {@link RequireColumn} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    RequireColumn[] value();
  }
}
