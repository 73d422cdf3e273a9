package dev.lake.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A partition field: a transform of a source column, written {@code day(event_time)}, with an optional
 * explicit name (without one, the name is Iceberg's default for the transform: {@code event_time_day},
 * {@code user_id_bucket_16}).
 */
public record PartitionField(String source, Transform transform, String name) {

  static final Comparator<PartitionField> ORDER = Comparator.comparing(PartitionField::source)
      .thenComparing(f -> f.transform().toString())
      .thenComparing(PartitionField::name, Comparator.nullsFirst(Comparator.naturalOrder()));

  public PartitionField {
    Checks.argument(source != null && !source.isEmpty(), "Invalid partition field: empty source column");
    Objects.requireNonNull(transform, "transform");
    name = name == null || name.isEmpty() ? null : name;
  }

  public static PartitionField of(String source, Transform transform) {
    return new PartitionField(source, transform, null);
  }

  /** Parses {@code day(event_time)} or {@code bucket[16](user_id)}. */
  public static PartitionField parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    int open = trimmed.indexOf('(');
    Checks.argument(open > 0 && trimmed.endsWith(")"),
        "Invalid partition field: '%s' (expected transform(source), such as day(event_time))", text);
    return of(trimmed.substring(open + 1, trimmed.length() - 1).strip(), Transform.parse(trimmed.substring(0, open)));
  }

  /** The explicit name, or Iceberg's default for the transform. */
  public String effectiveName() {
    return name != null ? name : transform.defaultName(source);
  }

  /** This field with another source column (after a rename). */
  public PartitionField withSource(String newSource) {
    return new PartitionField(newSource, transform, name);
  }

  /** {@code transform(source)}, the form that {@code @DropPartitionField} also accepts. */
  public String ref() {
    return transform + "(" + source + ")";
  }

  /** {@code day(event_time)}, followed by {@code as name} when the name is explicit. */
  @Override
  public String toString() {
    return name == null ? ref() : ref() + " as " + name;
  }
}
