package dev.lake.core.model;

/**
 * A column type. Every type has one canonical text form, its {@link #toString()}, which
 * {@link #parse(String)} reads back: {@code Type.parse(t.toString()).equals(t)} for every type.
 *
 * <pre>
 * type      := boolean | int | long | float | double | decimal(P, S) | date | time | timestamp
 *            | timestamptz | timestamp_ns | timestamptz_ns | string | uuid | fixed[N] | binary
 *            | struct&lt;field, ...&gt; | list&lt;type [not null]&gt; | map&lt;type, type [not null]&gt;
 * field     := name: type [not null] [comment 'text']
 * </pre>
 *
 * <p>Keywords are case-insensitive. A name that is not a plain identifier is quoted with backticks
 * ({@code `user id`}, a backtick inside doubled). Comment text escapes {@code \'}, {@code \\},
 * {@code \n}, {@code \r} and {@code \t}.
 */
public sealed interface Type permits PrimitiveType, DecimalType, FixedType, StructType, ListType, MapType {

  /** Parses a type from its text form. */
  static Type parse(String text) {
    return TypeParser.parseType(text);
  }

  /** True for primitive types (including {@code decimal} and {@code fixed}). */
  default boolean isPrimitive() {
    return !isNested();
  }

  /** True for {@code struct}, {@code list} and {@code map}. */
  default boolean isNested() {
    return this instanceof StructType || this instanceof ListType || this instanceof MapType;
  }
}
