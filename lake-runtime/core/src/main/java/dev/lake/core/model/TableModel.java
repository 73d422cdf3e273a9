package dev.lake.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A table: columns, partitioning, sort order, identifier columns and properties. Immutable.
 *
 * <p>Column order and sort order are significant. Partition fields and identifier columns are sets:
 * they are kept in a canonical order (partition fields by source, transform and name; identifier
 * columns by path), so two models that differ only in how those were listed are equal. Properties are
 * kept sorted by key.
 *
 * <p>Construction checks only what every intermediate state must hold (valid names, no duplicate
 * column). {@link FormatRules#problems} checks the rest; a declared or replayed table has none.
 */
public record TableModel(
    TableName name,
    List<Column> columns,
    List<PartitionField> partitioning,
    List<SortField> sortOrder,
    List<String> identifierColumns,
    SortedMap<String, String> properties) {

  /** Keys with this prefix are reserved for Lake's own state. */
  public static final String RESERVED_PROPERTY_PREFIX = "lake.";

  public TableModel {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    String duplicate = StructType.duplicateName(columns);
    Checks.argument(duplicate == null, "Duplicate column name in table %s: %s", name, duplicate);
    List<PartitionField> partitions = new ArrayList<>(partitioning);
    partitions.sort(PartitionField.ORDER);
    partitioning = List.copyOf(partitions);
    sortOrder = List.copyOf(sortOrder);
    identifierColumns = List.copyOf(new TreeSet<>(identifierColumns));
    properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
  }

  /** A table with no columns and nothing else: what step 0 starts from. */
  public static TableModel empty(TableName name) {
    return new TableModel(name, List.of(), List.of(), List.of(), List.of(), new TreeMap<>());
  }

  public static Builder builder(TableName name) {
    return new Builder(name);
  }

  public static Builder builder(String name) {
    return new Builder(TableName.parse(name));
  }

  /** The columns as a struct. */
  public StructType struct() {
    return new StructType(columns);
  }

  /** Finds a column by its dotted path ({@code a.b}, {@code tags.element}, {@code attrs.value}). */
  public Optional<FieldRef> find(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = path.split("\\.", -1);
    List<Column> fields = columns;
    Column current = null;
    FieldRef.Kind kind = FieldRef.Kind.FIELD;
    boolean inCollection = false;
    boolean inMapKey = false;
    boolean ancestorsRequired = true;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (current != null) {
        ancestorsRequired &= current.required() || kind != FieldRef.Kind.FIELD;
        Type type = current.type();
        if (type instanceof StructType struct) {
          fields = struct.fields();
          current = null;
          kind = FieldRef.Kind.FIELD;
        } else if (type instanceof ListType list && part.equals(ListType.ELEMENT)) {
          current = new Column(ListType.ELEMENT, list.element(), list.elementRequired(), null);
          kind = FieldRef.Kind.ELEMENT;
          inCollection = true;
          continue;
        } else if (type instanceof MapType map && part.equals(MapType.KEY)) {
          current = new Column(MapType.KEY, map.key(), true, null);
          kind = FieldRef.Kind.KEY;
          inCollection = true;
          inMapKey = true;
          continue;
        } else if (type instanceof MapType map && part.equals(MapType.VALUE)) {
          current = new Column(MapType.VALUE, map.value(), map.valueRequired(), null);
          kind = FieldRef.Kind.VALUE;
          inCollection = true;
          continue;
        } else {
          return Optional.empty();
        }
      }
      Column found = null;
      for (Column field : fields) {
        if (field.name().equals(part)) {
          found = field;
          break;
        }
      }
      if (found == null) {
        return Optional.empty();
      }
      current = found;
    }
    return Optional.of(new FieldRef(path, current, kind, inCollection, inMapKey, ancestorsRequired));
  }

  /**
   * Replaces the column at {@code path} with {@code update} of it. For an element, key or value the
   * update sees and returns the stand-in column of {@link FieldRef}; only its type and required flag
   * are kept.
   *
   * @throws IllegalArgumentException when the path names no column
   */
  public TableModel updateColumn(String path, UnaryOperator<Column> update) {
    String[] parts = path.split("\\.", -1);
    return withColumns(update(columns, parts, 0, update, path));
  }

  /**
   * Replaces the fields of the struct at {@code parentPath} (empty: the top-level columns) with
   * {@code update} of them. A list or map at that path means its element or value struct.
   *
   * @throws IllegalArgumentException when the path names no struct
   */
  public TableModel updateFields(String parentPath, UnaryOperator<List<Column>> update) {
    if (parentPath.isEmpty()) {
      return withColumns(update.apply(columns));
    }
    return updateColumn(parentPath, parent -> parent.withType(updateStruct(parent.type(), update, parentPath)));
  }

  /** The fields of the struct at {@code parentPath}, as {@link #updateFields} resolves it. */
  public Optional<List<Column>> fieldsOf(String parentPath) {
    if (parentPath.isEmpty()) {
      return Optional.of(columns);
    }
    return find(parentPath).map(ref -> structOf(ref.type())).map(StructType::fields);
  }

  /** The struct that holds fields at a parent of this type: itself, a list's element, a map's value. */
  public static StructType structOf(Type type) {
    if (type instanceof StructType struct) {
      return struct;
    } else if (type instanceof ListType list && list.element() instanceof StructType struct) {
      return struct;
    } else if (type instanceof MapType map && map.value() instanceof StructType struct) {
      return struct;
    }
    return null;
  }

  private static Type updateStruct(Type type, UnaryOperator<List<Column>> update, String path) {
    if (type instanceof StructType struct) {
      return new StructType(update.apply(struct.fields()));
    } else if (type instanceof ListType list && list.element() instanceof StructType struct) {
      return new ListType(new StructType(update.apply(struct.fields())), list.elementRequired());
    } else if (type instanceof MapType map && map.value() instanceof StructType struct) {
      return new MapType(map.key(), new StructType(update.apply(struct.fields())), map.valueRequired());
    }
    throw new IllegalArgumentException("Not a struct: " + path + " is " + type);
  }

  private static List<Column> update(List<Column> fields, String[] parts, int i, UnaryOperator<Column> update,
      String path) {
    List<Column> result = new ArrayList<>(fields);
    for (int index = 0; index < result.size(); index++) {
      Column field = result.get(index);
      if (field.name().equals(parts[i])) {
        result.set(index, i == parts.length - 1
            ? update.apply(field)
            : field.withType(updateType(field.type(), parts, i + 1, update, path)));
        return result;
      }
    }
    throw new IllegalArgumentException("Cannot find column: " + path);
  }

  private static Type updateType(Type type, String[] parts, int i, UnaryOperator<Column> update, String path) {
    String part = parts[i];
    boolean last = i == parts.length - 1;
    if (type instanceof StructType struct) {
      return new StructType(update(struct.fields(), parts, i, update, path));
    } else if (type instanceof ListType list && part.equals(ListType.ELEMENT)) {
      Column element = new Column(ListType.ELEMENT, list.element(), list.elementRequired(), null);
      Column updated = last ? update.apply(element)
          : element.withType(updateType(list.element(), parts, i + 1, update, path));
      return new ListType(updated.type(), updated.required());
    } else if (type instanceof MapType map && part.equals(MapType.KEY)) {
      Column key = new Column(MapType.KEY, map.key(), true, null);
      Column updated = last ? update.apply(key) : key.withType(updateType(map.key(), parts, i + 1, update, path));
      return new MapType(updated.type(), map.value(), map.valueRequired());
    } else if (type instanceof MapType map && part.equals(MapType.VALUE)) {
      Column value = new Column(MapType.VALUE, map.value(), map.valueRequired(), null);
      Column updated = last ? update.apply(value)
          : value.withType(updateType(map.value(), parts, i + 1, update, path));
      return new MapType(map.key(), updated.type(), updated.required());
    }
    throw new IllegalArgumentException("Cannot find column: " + path);
  }

  public TableModel withColumns(List<Column> newColumns) {
    return new TableModel(name, newColumns, partitioning, sortOrder, identifierColumns, properties);
  }

  public TableModel withPartitioning(Collection<PartitionField> newPartitioning) {
    return new TableModel(name, columns, List.copyOf(newPartitioning), sortOrder, identifierColumns, properties);
  }

  public TableModel withSortOrder(List<SortField> newSortOrder) {
    return new TableModel(name, columns, partitioning, newSortOrder, identifierColumns, properties);
  }

  public TableModel withIdentifierColumns(Collection<String> newIdentifierColumns) {
    return new TableModel(name, columns, partitioning, sortOrder, List.copyOf(newIdentifierColumns), properties);
  }

  public TableModel withProperties(Map<String, String> newProperties) {
    return new TableModel(name, columns, partitioning, sortOrder, identifierColumns, new TreeMap<>(newProperties));
  }

  /** Builds a model step by step; mostly for tests and readers. */
  public static final class Builder {
    private final TableName name;
    private final List<Column> columns = new ArrayList<>();
    private final List<PartitionField> partitioning = new ArrayList<>();
    private final List<SortField> sortOrder = new ArrayList<>();
    private final List<String> identifierColumns = new ArrayList<>();
    private final SortedMap<String, String> properties = new TreeMap<>();

    private Builder(TableName name) {
      this.name = name;
    }

    public Builder column(Column column) {
      columns.add(column);
      return this;
    }

    public Builder optional(String name, String type) {
      return column(Column.optional(name, Type.parse(type)));
    }

    public Builder required(String name, String type) {
      return column(Column.required(name, Type.parse(type)));
    }

    public Builder partition(String field) {
      partitioning.add(PartitionField.parse(field));
      return this;
    }

    public Builder partition(PartitionField field) {
      partitioning.add(field);
      return this;
    }

    public Builder sort(String field) {
      return sort(SortField.parse(field));
    }

    public Builder sort(SortField field) {
      sortOrder.add(field);
      return this;
    }

    public Builder identifier(String path) {
      identifierColumns.add(path);
      return this;
    }

    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    public TableModel build() {
      return new TableModel(name, columns, partitioning, sortOrder, identifierColumns, properties);
    }
  }
}
