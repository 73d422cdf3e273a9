package dev.lake.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code struct<name: type [not null] [comment 'text'], ...>}: named fields, unique within the struct. */
public record StructType(List<Column> fields) implements Type {

  public StructType {
    fields = List.copyOf(fields);
    String duplicate = duplicateName(fields);
    Checks.argument(duplicate == null, "Duplicate column name in struct: %s", duplicate);
  }

  public static StructType of(Column... fields) {
    return new StructType(List.of(fields));
  }

  /** The field with this (leaf) name. */
  public Optional<Column> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The first name that two of these fields share, or null. */
  static String duplicateName(List<Column> fields) {
    Set<String> seen = new HashSet<>(fields.size() * 2);
    for (Column field : fields) {
      if (!seen.add(field.name())) {
        return field.name();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("struct<");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      Column field = fields.get(i);
      out.append(Names.quote(field.name())).append(": ").append(field.type());
      if (field.required()) {
        out.append(" not null");
      }
      if (field.doc() != null) {
        out.append(" comment ").append(Names.quoteText(field.doc()));
      }
    }
    return out.append('>').toString();
  }
}
