package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets or removes a column's documentation.
 *
 * <pre>{@code @UpdateColumnDoc(path = "event_time", doc = "when the event happened, UTC")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UpdateColumnDoc.List.class)
public @interface UpdateColumnDoc {

  /** The column's path. */
  String path();

  /** The new documentation; empty removes it. */
  String doc();

  /** Container of repeated {@link UpdateColumnDoc} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    UpdateColumnDoc[] value();
  }
}
