package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table property, such as {@code @Property(key = "write.parquet.compression-codec", value = "zstd")}.
 * Keys starting with {@code lake.} are reserved for Lake's own state.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Property.List.class)
public @interface Property {
  String key();

  String value();

  /** Container of repeated {@link Property} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Property[] value();
  }
}
