package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds a partition field. New data is written with the new spec; existing files keep theirs.
 *
 * <pre>{@code
 * @AddPartitionField(source = "event_time", transform = "day")
 * @AddPartitionField(source = "user_id", transform = "bucket[16]")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(AddPartitionField.List.class)
public @interface AddPartitionField {

  /** The source column's path. */
  String source();

  /**
   * The transform: {@code identity}, {@code year}, {@code month}, {@code day}, {@code hour},
   * {@code bucket[N]}, {@code truncate[W]} or {@code void}.
   */
  String transform();

  /** The partition field's name. Empty: Iceberg's default, such as {@code event_time_day}. */
  String name() default "";

  /** Container of repeated {@link AddPartitionField} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    AddPartitionField[] value();
  }
}
