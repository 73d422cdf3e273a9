package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets a table property. Keys starting with {@code lake.} are reserved for Lake's own state.
 *
 * <pre>{@code @SetProperty(key = "write.parquet.compression-codec", value = "zstd")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SetProperty.List.class)
public @interface SetProperty {

  String key();

  String value();

  /** Container of repeated {@link SetProperty} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    SetProperty[] value();
  }
}
