package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a required column optional (nullable). Always safe.
 *
 * <pre>{@code @MakeOptional("device.model")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(MakeOptional.List.class)
public @interface MakeOptional {

  /** The column's path. */
  String value();

  /** Container of repeated {@link MakeOptional} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    MakeOptional[] value();
  }
}
