package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A partition field of the table.
 *
 * <p>On a field, the field's column is the source: {@code @Partition(transform = Transform.DAY) Instant
 * eventTime}. On the type, name the source column: {@code @Partition(source = "user_id", transform =
 * Transform.BUCKET, buckets = 16)}, repeated as needed (also the way to partition by a nested column).
 * The order of partition fields is not significant.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE})
@Repeatable(Partition.List.class)
public @interface Partition {

  /** The source column path; only on the type (on a field, the field is the source). */
  String source() default "";

  /** The transform; {@link Transform#IDENTITY} by default. */
  Transform transform() default Transform.IDENTITY;

  /** The number of buckets, for {@link Transform#BUCKET}. */
  int buckets() default 0;

  /** The truncation width, for {@link Transform#TRUNCATE}. */
  int width() default 0;

  /** The partition field's name. Empty: Iceberg's default ({@code event_time_day}, {@code id_bucket_16}). */
  String name() default "";

  /** Container of repeated {@link Partition} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE})
  @interface List {
    Partition[] value();
  }
}
