package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Widens a column's type. Only promotions that keep every value are allowed: {@code int -> long},
 * {@code float -> double}, and {@code decimal(P, S) -> decimal(P2, S)} with {@code P2 > P}.
 *
 * <pre>{@code @UpdateColumnType(path = "count", type = "long")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UpdateColumnType.List.class)
public @interface UpdateColumnType {

  /** The column's path ({@code tags.element} for a list element, {@code attrs.value} for a map value). */
  String path();

  /** The new primitive type. */
  String type();

  /** Container of repeated {@link UpdateColumnType} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    UpdateColumnType[] value();
  }
}
