package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a lakehouse table.
 *
 * <p>On a record or class, each record component or non-static, non-transient field is a column:
 *
 * <pre>{@code
 * @LakeTable(name = "analytics.events", naming = Naming.SNAKE_CASE)
 * @Property(key = "write.parquet.compression-codec", value = "zstd")
 * public record Event(
 *     @Id UUID eventId,
 *     @Partition(transform = Transform.DAY) Instant eventTime,
 *     @Column(doc = "client device") Device device,
 *     List<String> tags) {}
 * }</pre>
 *
 * <p>With {@link #avro()}, the columns come from an Avro record instead, and the annotated type only
 * carries partitioning, sort order, identifier columns and properties:
 *
 * <pre>{@code
 * @LakeTable(name = "db.users", avro = "com.example.User")
 * @Partition(source = "signup_date", transform = Transform.MONTH)
 * interface Users {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LakeTable {

  /** The table's qualified name, {@code namespace.table} (for example {@code analytics.events}). */
  String name();

  /**
   * The full name of an Avro record (in {@code .avsc}, {@code .avdl} or {@code .avpr} files of the Avro
   * source directory) whose fields are this table's columns. Empty: the columns are the annotated
   * type's own fields.
   */
  String avro() default "";

  /** How Java field names become column names. Ignored for Avro-backed tables and explicit names. */
  Naming naming() default Naming.AS_IS;

  /**
   * The table's format: {@code iceberg}. Its rules (type promotions, partition transforms, whether
   * partitioning may change, sort orders and identifier columns) are checked at compile time against
   * every migration of the table, and the table is migrated in catalogs of this format.
   */
  String format() default "iceberg";

  /**
   * Fields of the declaration (Java fields or Avro fields) to leave out of the table, by column path:
   * {@code {"debug_info", "address.geo"}}. Each must name a field; a field of a type Lake has no
   * column for can be left out this way.
   */
  String[] ignore() default {};

  /**
   * {@code false} keeps the table's history compiled and checked, but out of {@code lake:generate},
   * drift reports and every goal that touches a catalog.
   */
  boolean enabled() default true;
}
