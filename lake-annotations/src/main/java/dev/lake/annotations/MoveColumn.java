package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Moves a column within its parent: set exactly one of {@link #first()}, {@link #after()} and
 * {@link #before()}.
 *
 * <pre>{@code @MoveColumn(path = "device.os", after = "model")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(MoveColumn.List.class)
public @interface MoveColumn {

  /** The column's path. */
  String path();

  /** Moves it first in its parent. */
  boolean first() default false;

  /** Moves it right after this sibling (leaf name). */
  String after() default "";

  /** Moves it right before this sibling (leaf name). */
  String before() default "";

  /** Container of repeated {@link MoveColumn} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    MoveColumn[] value();
  }
}
