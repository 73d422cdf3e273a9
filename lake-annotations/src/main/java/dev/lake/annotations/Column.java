package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names, documents or renames a column.
 *
 * <pre>{@code
 * @Column(name = "event_time", doc = "when the event happened", formerly = "ts") Instant eventTime
 * }</pre>
 *
 * <p>{@link #formerly()} is a rename hint: when the history has a column {@code ts} and no column
 * {@code event_time}, the next migration renames {@code ts} (keeping its data) instead of dropping it
 * and adding a new column. Renames are never guessed without a hint. A hint whose former name is not
 * in the history is ignored, so hints may stay in the code after the rename is applied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Column {

  /** The column name. Empty: derived from the Java name with {@link LakeTable#naming()}. */
  String name() default "";

  /** The column's documentation. Empty: none. */
  String doc() default "";

  /** Former names of this column (leaf names, within the same parent), newest last. */
  String[] formerly() default {};
}
