package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One step of a table's migration history. The class also carries the step's operations as
 * annotations, so the whole history can be read without running anything:
 *
 * <pre>{@code
 * @Migration(table = "analytics.events", step = 2, author = "jdoe",
 *            reason = "ANA-142 per-device funnels", description = "add device, rename ts, day partition")
 * @RenameColumn(from = "ts", to = "event_time")
 * @AddColumn(name = "device", type = "struct<os: string not null, model: string>", doc = "client device")
 * @AddPartitionField(source = "event_time", transform = "day")
 * public final class V0002_AddDevice implements LakeMigration {}
 * }</pre>
 *
 * <p>A step is a set of operations: their order in the source does not matter. They are applied in
 * one canonical order (drops, renames, type/optionality/doc updates, adds, moves, then partitioning,
 * sort order, identifier columns and properties), each naming columns as they are at that point: after
 * a rename, later operations use the new name. Steps of a table are numbered 0, 1, 2, ... without gaps;
 * step 0 creates the table. Once a step is applied, do not edit it: its checksum is recorded in the
 * table, and a change is reported by {@code lake:validate}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Migration {

  /** The table's qualified name, as in {@link LakeTable#name()}. */
  String table();

  /** The step number: 0 creates the table, each next step is one more. */
  int step();

  /** Who wrote the step. */
  String author() default "";

  /** Why the step exists (a ticket, a sentence). */
  String reason() default "";

  /** What the step does, in a few words. */
  String description() default "";

  /**
   * Marks a step that drops columns. {@code lake:migrate} refuses to apply a destructive step that is
   * not marked, so data is never lost by accident.
   */
  boolean destructive() default false;
}
