package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Removes a table property.
 *
 * <pre>{@code @RemoveProperty("write.metadata.delete-after-commit.enabled")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(RemoveProperty.List.class)
public @interface RemoveProperty {

  /** The property key. */
  String value();

  /** Container of repeated {@link RemoveProperty} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    RemoveProperty[] value();
  }
}
