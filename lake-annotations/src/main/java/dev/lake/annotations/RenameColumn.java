package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Renames a column, keeping its data (Iceberg keeps its field id). Partition fields, the sort order and
 * identifier columns follow the rename.
 *
 * <pre>{@code @RenameColumn(from = "ts", to = "event_time")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(RenameColumn.List.class)
public @interface RenameColumn {

  /** The column's current path. */
  String from();

  /** The new leaf name (the column stays in its parent). */
  String to();

  /** Container of repeated {@link RenameColumn} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    RenameColumn[] value();
  }
}
