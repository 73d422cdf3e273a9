package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spark SQL statement that is part of the step's data work, run after the step's schema changes
 * and published together with the step's state, or not at all. Repeatable; statements run in the
 * order they are written. {@code {table}} stands for the table's identifier in Spark's catalog.
 *
 * <pre>{@code @Sql("UPDATE {table} SET amount_cents = CAST(amount * 100 AS BIGINT) WHERE amount_cents IS NULL")}</pre>
 *
 * <p>The text of each statement is part of the step's checksum: editing an applied statement is a
 * checksum mismatch, like editing any other change. Running data steps needs {@code lake-spark} as a
 * dependency of the plugin; compiling them needs nothing more than this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Sql.List.class)
public @interface Sql {

  /** The statement, with {@code {table}} for the table. */
  String value();

  /** Container of repeated {@link Sql} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Sql[] value();
  }
}
