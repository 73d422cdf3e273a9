package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds a column, at the end of its parent unless placed with {@link #after()} or {@link #first()}.
 *
 * <pre>{@code
 * @AddColumn(name = "device", type = "struct<os: string not null, model: string>", doc = "client device")
 * @AddColumn(parent = "device", name = "locale", type = "string", after = "os")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(AddColumn.List.class)
public @interface AddColumn {

  /** The parent struct's path; empty for a top-level column. A list or map names its element or value. */
  String parent() default "";

  /** The new column's name (a leaf name, without dots). */
  String name();

  /** The column's type in Lake's type grammar, such as {@code decimal(12, 2)} or {@code list<string>}. */
  String type();

  /** Whether the column is {@code not null}. Adding a required column to a table with rows fails. */
  boolean required() default false;

  /** The column's documentation. Empty: none. */
  String doc() default "";

  /** Places the column right after this sibling (leaf name). */
  String after() default "";

  /** Places the column first in its parent. */
  boolean first() default false;

  /** Container of repeated {@link AddColumn} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    AddColumn[] value();
  }
}
