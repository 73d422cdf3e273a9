package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Drops a partition field, named by its name or as {@code transform(source)}. Needs care: queries that
 * relied on the partition for pruning become slower for new data.
 *
 * <pre>{@code @DropPartitionField("day(event_time)")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(DropPartitionField.List.class)
public @interface DropPartitionField {

  /** The partition field's name, or {@code transform(source)} such as {@code bucket[16](user_id)}. */
  String value();

  /** Container of repeated {@link DropPartitionField} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    DropPartitionField[] value();
  }
}
