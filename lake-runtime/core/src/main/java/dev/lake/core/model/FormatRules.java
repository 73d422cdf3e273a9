package dev.lake.core.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one table format allows, as data: the type promotions it makes in place, the partition
 * transforms it has, whether partitioning may change after a table is created, whether sort orders and
 * identifier columns exist, and which properties are reserved. Replay checks every step against the
 * rules of its table's format, so a history that breaks them fails at compile time in the processor,
 * and before anything is committed at run time.
 *
 * <p>The rules of every known format live here, in the core, so that the processor knows them without
 * loading the format's library; a format's {@code TableFormatProvider} hands back the same value.
 *
 * @param format the format's name, as {@code @LakeTable(format = ...)} and a catalog's
 *     {@code <format>} say it
 * @param promotions the primitive promotions, as {@code from -> to} pairs of type names
 * @param decimalWidening how a decimal column may widen
 * @param transforms the partition transforms the format has
 * @param primitiveTypes the primitive types the format has, by name ({@code decimal} and {@code fixed}
 *     for every precision and length)
 * @param partitionEvolution whether partitioning may change after step 0; without it, partition
 *     columns are fixed when the table is created: no partition field is added or dropped later, and
 *     no partition column is renamed, dropped or retyped
 * @param requiredColumnsAfterCreate whether a step after step 0 may add a required column (or a column
 *     with required fields inside) or make a column required
 * @param sortOrders whether tables have a sort order
 * @param identifierColumns whether tables have identifier columns
 * @param reservedPropertyPrefixes property key prefixes no step may set or remove, beside Lake's own
 *     {@code lake.}
 * @param fixedPropertyPrefixes property key prefixes a step may set but never remove
 */
public record FormatRules(
    String format,
    List<String> promotions,
    DecimalWidening decimalWidening,
    Set<Transform.Kind> transforms,
    Set<String> primitiveTypes,
    boolean partitionEvolution,
    boolean requiredColumnsAfterCreate,
    boolean sortOrders,
    boolean identifierColumns,
    List<String> reservedPropertyPrefixes,
    List<String> fixedPropertyPrefixes) {

  /** How a {@code decimal(P, S)} column may widen in place. */
  public enum DecimalWidening {
    /** Not at all. */
    NONE("no decimal widening"),
    /** To {@code decimal(P2, S)} with {@code P2 > P}. */
    PRECISION("decimal(P, S) -> decimal(P2, S) with P2 > P"),
    /** To {@code decimal(P2, S2)} with {@code S2 >= S} and {@code P2 - S2 >= P - S}, not the same type. */
    PRECISION_AND_SCALE("decimal(P, S) -> decimal(P2, S2) with S2 >= S and P2 - S2 >= P - S");

    private final String text;

    DecimalWidening(String text) {
      this.text = text;
    }

    boolean allows(DecimalType from, DecimalType to) {
      return switch (this) {
        case NONE -> false;
        case PRECISION -> to.scale() == from.scale() && to.precision() > from.precision();
        case PRECISION_AND_SCALE -> !to.equals(from) && to.scale() >= from.scale()
            && to.precision() - to.scale() >= from.precision() - from.scale();
      };
    }
  }

  /** Every primitive type of Lake's model, by name. */
  public static final Set<String> ALL_PRIMITIVE_TYPES = Set.of("boolean", "int", "long", "float", "double", "decimal",
      "date", "time", "timestamp", "timestamptz", "timestamp_ns", "timestamptz_ns", "string", "uuid", "fixed",
      "binary");

  /**
   * Apache Iceberg's rules: promotions as Iceberg's {@code TypeUtil.isPromotionAllowed} makes them,
   * every type and transform of the spec, partition evolution, sort orders and identifier columns.
   */
  public static final FormatRules ICEBERG = new FormatRules("iceberg", List.of("int -> long", "float -> double"),
      DecimalWidening.PRECISION, EnumSet.allOf(Transform.Kind.class), ALL_PRIMITIVE_TYPES, true, true, true, true,
      List.of(), List.of());

  /**
   * Delta Lake's rules, as Delta Kernel applies them to a table with column mapping: the type widening
   * of Delta's {@code typeWidening} feature, identity partition columns fixed at creation, no sort
   * order or identifier columns, no time, uuid, fixed or nanosecond types, columns added to an existing
   * table only as nullable, {@code delta.columnMapping.*} managed by Lake, and no {@code delta.} key
   * removed.
   */
  public static final FormatRules DELTA = new FormatRules("delta",
      List.of("int -> long", "float -> double", "int -> double", "date -> timestamp"),
      DecimalWidening.PRECISION_AND_SCALE, EnumSet.of(Transform.Kind.IDENTITY),
      Set.of("boolean", "int", "long", "float", "double", "decimal", "date", "timestamp", "timestamptz", "string",
          "binary"), false, false, false, false, List.of("delta.columnMapping."), List.of("delta."));

  /** The format a table has when its declaration names none. */
  public static final String DEFAULT_FORMAT = "iceberg";

  private static final Map<String, FormatRules> KNOWN = Map.of(ICEBERG.format(), ICEBERG, DELTA.format(), DELTA);

  public FormatRules {
    Objects.requireNonNull(format, "format");
    promotions = List.copyOf(promotions);
    Objects.requireNonNull(decimalWidening, "decimalWidening");
    transforms = Set.copyOf(transforms);
    primitiveTypes = Set.copyOf(primitiveTypes);
    reservedPropertyPrefixes = List.copyOf(reservedPropertyPrefixes);
    fixedPropertyPrefixes = List.copyOf(fixedPropertyPrefixes);
  }

  /** The rules of a known format, by name (case-insensitive). */
  public static Optional<FormatRules> of(String format) {
    return Optional.ofNullable(format == null ? null : KNOWN.get(format.strip().toLowerCase(Locale.ROOT)));
  }

  /** The names of the known formats, sorted. */
  public static List<String> knownFormats() {
    return KNOWN.keySet().stream().sorted().toList();
  }

  /** Whether a column of type {@code from} may become {@code to} in place (a type never promotes to itself). */
  public boolean isPromotionAllowed(Type from, Type to) {
    if (from instanceof DecimalType a && to instanceof DecimalType b) {
      return decimalWidening.allows(a, b);
    }
    return from.isPrimitive() && to.isPrimitive() && promotions.contains(from + " -> " + to);
  }

  /** The allowed promotions in words, for messages. */
  public String promotionsText() {
    List<String> all = new ArrayList<>(promotions);
    all.add(decimalWidening.text);
    return String.join(", ", all);
  }

  /**
   * Why no step may set or remove {@code key}, such as {@code keys starting with 'lake.' are reserved for
   * Lake's migration state}; empty when the key is free.
   */
  public Optional<String> whyReserved(String key) {
    if (key.startsWith(TableModel.RESERVED_PROPERTY_PREFIX)) {
      return Optional.of("keys starting with '" + TableModel.RESERVED_PROPERTY_PREFIX
          + "' are reserved for Lake's migration state");
    }
    return reservedPropertyPrefixes.stream().filter(key::startsWith).findFirst()
        .map(prefix -> "keys starting with '" + prefix + "' are reserved by " + format);
  }

  /** The fixed prefix {@code key} starts with: a key the format keeps once set; empty when it can go. */
  public Optional<String> fixedPrefixOf(String key) {
    return fixedPropertyPrefixes.stream().filter(key::startsWith).findFirst();
  }

  /** The name of a primitive type, as {@link #primitiveTypes} lists it. */
  public static String typeName(Type type) {
    return type instanceof DecimalType ? "decimal" : type instanceof FixedType ? "fixed" : type.toString();
  }

  /** Every rule of this format that {@code model} breaks, one sentence each; empty when it is valid. */
  public List<String> problems(TableModel model) {
    return RulesValidator.problems(model, this);
  }
}
