package dev.lake.core.change;

import dev.lake.core.model.Checks;
import dev.lake.core.model.Column;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.SortField;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.Type;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One migration operation, as an immutable value. Column paths are dotted ({@code device.os},
 * {@code tags.element}, {@code attrs.value}) and name a column as it is at the change's place in the
 * step's canonical order (see {@link Step}): drops name what exists before the step, every other
 * change names columns as they are after the step's renames.
 *
 * <p>{@link #canonical()} is the frozen text that the step checksum hashes: it must never change for
 * an existing operation. {@link #toString()} describes the change in DDL-like words for people.
 */
public sealed interface Change {

  /** The groups of the canonical order, applied in this order. */
  enum Group {
    DROP_PARTITION_FIELD,
    DROP_COLUMN,
    RENAME_COLUMN,
    UPDATE_COLUMN,
    ADD_COLUMN,
    MOVE_COLUMN,
    ADD_PARTITION_FIELD,
    SORT_ORDER,
    IDENTIFIER_COLUMNS,
    REMOVE_PROPERTY,
    SET_PROPERTY
  }

  /** Where this change falls in a step's canonical order. */
  Group group();

  /** The frozen, canonical text of this change (hashed by the step checksum). */
  String canonical();

  /** Calls the visitor's method for this operation. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per operation. Every consumer of changes (replay, lint, the code writer, each format's
   * executor) implements it, so a new operation fails to compile until every one of them handles it.
   */
  interface Visitor<R> {
    R addColumn(AddColumn change);

    R dropColumn(DropColumn change);

    R renameColumn(RenameColumn change);

    R updateColumnType(UpdateColumnType change);

    R makeOptional(MakeOptional change);

    R requireColumn(RequireColumn change);

    R updateColumnDoc(UpdateColumnDoc change);

    R moveColumn(MoveColumn change);

    R addPartitionField(AddPartitionField change);

    R dropPartitionField(DropPartitionField change);

    R setSortOrder(SetSortOrder change);

    R setIdentifierColumns(SetIdentifierColumns change);

    R setProperty(SetProperty change);

    R removeProperty(RemoveProperty change);
  }

  /** Adds a column to the table ({@code parent} empty) or to the struct at {@code parent}. */
  record AddColumn(String parent, Column column, Position position) implements Change {
    public AddColumn {
      parent = parent == null ? "" : parent;
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(position, "position");
      Checks.argument(position.kind() != Position.Kind.BEFORE,
          "Invalid added column %s: use first or after to place it", column.name());
      Checks.argument(!column.name().equals(position.sibling()),
          "Invalid added column %s: it cannot be placed after itself", column.name());
    }

    public static AddColumn of(String parent, String name, String type, boolean required, String doc,
        String after, boolean first) {
      String p = parent == null ? "" : parent;
      return new AddColumn(p, new Column(name, Type.parse(type), required, doc),
          Position.of(p, first, after == null ? "" : after, "", Position.LAST));
    }

    /** The new column's full path. */
    public String path() {
      return parent.isEmpty() ? column.name() : parent + "." + column.name();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.addColumn(this);
    }

    @Override
    public Group group() {
      return Group.ADD_COLUMN;
    }

    @Override
    public String canonical() {
      return "AddColumn{parent=" + q(parent) + ",name=" + q(column.name()) + ",type=" + q(column.type().toString())
          + ",required=" + column.required() + ",doc=" + q(column.doc()) + ",position=" + q(position.toString()) + "}";
    }

    @Override
    public String toString() {
      return "add column " + path() + " " + column.type() + (column.required() ? " not null" : "")
          + (column.doc() == null ? "" : " comment " + text(column.doc()))
          + (position.kind() == Position.Kind.LAST ? "" : " " + position);
    }
  }

  /** Drops a column and its data. Destructive. */
  record DropColumn(String path) implements Change {
    public DropColumn {
      path = checkPath(path);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.dropColumn(this);
    }

    @Override
    public Group group() {
      return Group.DROP_COLUMN;
    }

    @Override
    public String canonical() {
      return "DropColumn{path=" + q(path) + "}";
    }

    @Override
    public String toString() {
      return "drop column " + path;
    }
  }

  /** Renames the column at {@code path} to the leaf name {@code newName}, keeping its data. */
  record RenameColumn(String path, String newName) implements Change {
    public RenameColumn {
      path = checkPath(path);
      Checks.argument(newName != null && !newName.isEmpty(), "Invalid rename of %s: empty new name", path);
      String parent = parentOf(path);
      if (newName.indexOf('.') >= 0 && !parent.isEmpty() && newName.startsWith(parent + ".")) {
        newName = newName.substring(parent.length() + 1);
      }
      Checks.argument(newName.indexOf('.') < 0,
          "Invalid rename of %s to %s: a rename keeps the column in its parent; give the new leaf name", path, newName);
      Checks.argument(!newName.equals(leafOf(path)), "Invalid rename of %s: the new name is the same", path);
    }

    /** The column's path after the rename. */
    public String newPath() {
      String parent = parentOf(path);
      return parent.isEmpty() ? newName : parent + "." + newName;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.renameColumn(this);
    }

    @Override
    public Group group() {
      return Group.RENAME_COLUMN;
    }

    @Override
    public String canonical() {
      return "RenameColumn{path=" + q(path) + ",newName=" + q(newName) + "}";
    }

    @Override
    public String toString() {
      return "rename column " + path + " to " + newName;
    }
  }

  /** Widens a primitive column's type. */
  record UpdateColumnType(String path, Type type) implements Change {
    public UpdateColumnType {
      path = checkPath(path);
      Objects.requireNonNull(type, "type");
      Checks.argument(type.isPrimitive(),
          "Invalid type update of %s: %s is not a primitive type (only primitive types can be promoted)", path, type);
    }

    public static UpdateColumnType of(String path, String type) {
      return new UpdateColumnType(path, Type.parse(type));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updateColumnType(this);
    }

    @Override
    public Group group() {
      return Group.UPDATE_COLUMN;
    }

    @Override
    public String canonical() {
      return "UpdateColumnType{path=" + q(path) + ",type=" + q(type.toString()) + "}";
    }

    @Override
    public String toString() {
      return "alter column " + path + " type " + type;
    }
  }

  /** Makes a required column optional. */
  record MakeOptional(String path) implements Change {
    public MakeOptional {
      path = checkPath(path);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.makeOptional(this);
    }

    @Override
    public Group group() {
      return Group.UPDATE_COLUMN;
    }

    @Override
    public String canonical() {
      return "MakeOptional{path=" + q(path) + "}";
    }

    @Override
    public String toString() {
      return "alter column " + path + " drop not null";
    }
  }

  /** Makes an optional column required. */
  record RequireColumn(String path) implements Change {
    public RequireColumn {
      path = checkPath(path);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.requireColumn(this);
    }

    @Override
    public Group group() {
      return Group.UPDATE_COLUMN;
    }

    @Override
    public String canonical() {
      return "RequireColumn{path=" + q(path) + "}";
    }

    @Override
    public String toString() {
      return "alter column " + path + " set not null";
    }
  }

  /** Sets a column's doc; {@code null} (or empty) removes it. */
  record UpdateColumnDoc(String path, String doc) implements Change {
    public UpdateColumnDoc {
      path = checkPath(path);
      doc = doc == null || doc.isEmpty() ? null : doc;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updateColumnDoc(this);
    }

    @Override
    public Group group() {
      return Group.UPDATE_COLUMN;
    }

    @Override
    public String canonical() {
      return "UpdateColumnDoc{path=" + q(path) + ",doc=" + q(doc) + "}";
    }

    @Override
    public String toString() {
      return "alter column " + path + (doc == null ? " drop comment" : " comment " + text(doc));
    }
  }

  /** Moves a column within its parent. */
  record MoveColumn(String path, Position position) implements Change {
    public MoveColumn {
      path = checkPath(path);
      Objects.requireNonNull(position, "position");
      Checks.argument(position.kind() != Position.Kind.LAST,
          "Invalid move of %s: say where it goes (first, after or before a sibling)", path);
      Checks.argument(!leafOf(path).equals(position.sibling()),
          "Invalid move of %s: it cannot be placed next to itself", path);
    }

    public static MoveColumn of(String path, boolean first, String after, String before) {
      String p = checkPath(path);
      return new MoveColumn(p, Position.of(parentOf(p), first, after, before, Position.LAST));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.moveColumn(this);
    }

    @Override
    public Group group() {
      return Group.MOVE_COLUMN;
    }

    @Override
    public String canonical() {
      return "MoveColumn{path=" + q(path) + ",position=" + q(position.toString()) + "}";
    }

    @Override
    public String toString() {
      return "move column " + path + " " + position;
    }
  }

  /** Adds a partition field. */
  record AddPartitionField(PartitionField field) implements Change {
    public AddPartitionField {
      Objects.requireNonNull(field, "field");
    }

    public static AddPartitionField of(String source, String transform, String name) {
      return new AddPartitionField(new PartitionField(checkPath(source),
          dev.lake.core.model.Transform.parse(transform), name));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.addPartitionField(this);
    }

    @Override
    public Group group() {
      return Group.ADD_PARTITION_FIELD;
    }

    @Override
    public String canonical() {
      return "AddPartitionField{source=" + q(field.source()) + ",transform=" + q(field.transform().toString())
          + ",name=" + q(field.name()) + "}";
    }

    @Override
    public String toString() {
      return "add partition field " + field;
    }
  }

  /** Drops a partition field, named by its name or by {@code transform(source)}. */
  record DropPartitionField(String ref) implements Change {
    public DropPartitionField {
      Checks.argument(ref != null && !ref.isBlank(), "Invalid partition field to drop: empty");
      ref = ref.strip();
      if (ref.endsWith(")") && ref.indexOf('(') > 0) {
        ref = PartitionField.parse(ref).ref();
      }
    }

    /** Whether {@code field} is the one this drops. */
    public boolean matches(PartitionField field) {
      return field.ref().equals(ref) || field.effectiveName().equals(ref);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.dropPartitionField(this);
    }

    @Override
    public Group group() {
      return Group.DROP_PARTITION_FIELD;
    }

    @Override
    public String canonical() {
      return "DropPartitionField{ref=" + q(ref) + "}";
    }

    @Override
    public String toString() {
      return "drop partition field " + ref;
    }
  }

  /** Replaces the sort order; no field makes the table unsorted. */
  record SetSortOrder(List<SortField> fields) implements Change {
    public SetSortOrder {
      fields = List.copyOf(fields);
    }

    public static SetSortOrder of(String... fields) {
      return new SetSortOrder(java.util.Arrays.stream(fields).map(SortField::parse).toList());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.setSortOrder(this);
    }

    @Override
    public Group group() {
      return Group.SORT_ORDER;
    }

    @Override
    public String canonical() {
      return "SetSortOrder{fields=" + fields.stream().map(f -> q(f.toString())).collect(Collectors.joining(",", "[", "]"))
          + "}";
    }

    @Override
    public String toString() {
      return fields.isEmpty() ? "set sort order unsorted"
          : "set sort order " + fields.stream().map(SortField::toString).collect(Collectors.joining(", "));
    }
  }

  /** Replaces the identifier columns (a set); none clears them. */
  record SetIdentifierColumns(List<String> columns) implements Change {
    public SetIdentifierColumns {
      columns = List.copyOf(new TreeSet<>(columns.stream().map(Change::checkPath).toList()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.setIdentifierColumns(this);
    }

    @Override
    public Group group() {
      return Group.IDENTIFIER_COLUMNS;
    }

    @Override
    public String canonical() {
      return "SetIdentifierColumns{columns=" + columns.stream().map(Change::q).collect(Collectors.joining(",", "[", "]"))
          + "}";
    }

    @Override
    public String toString() {
      return columns.isEmpty() ? "clear identifier columns" : "set identifier columns " + String.join(", ", columns);
    }
  }

  /** Sets a table property. */
  record SetProperty(String key, String value) implements Change {
    public SetProperty {
      checkKey(key);
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.setProperty(this);
    }

    @Override
    public Group group() {
      return Group.SET_PROPERTY;
    }

    @Override
    public String canonical() {
      return "SetProperty{key=" + q(key) + ",value=" + q(value) + "}";
    }

    @Override
    public String toString() {
      return "set property " + text(key) + " = " + text(value);
    }
  }

  /** Removes a table property. */
  record RemoveProperty(String key) implements Change {
    public RemoveProperty {
      checkKey(key);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.removeProperty(this);
    }

    @Override
    public Group group() {
      return Group.REMOVE_PROPERTY;
    }

    @Override
    public String canonical() {
      return "RemoveProperty{key=" + q(key) + "}";
    }

    @Override
    public String toString() {
      return "remove property " + text(key);
    }
  }

  private static String checkPath(String path) {
    Checks.argument(path != null && !path.isBlank(), "Invalid column path: empty");
    String stripped = path.strip();
    // A part is empty where the path starts or ends with a dot or has two in a row (no split: paths
    // are checked for every operation of every migration a compile reads).
    Checks.argument(stripped.charAt(0) != '.' && stripped.charAt(stripped.length() - 1) != '.'
        && !stripped.contains(".."), "Invalid column path: %s (empty part)", path);
    return stripped;
  }

  private static void checkKey(String key) {
    Checks.argument(key != null && !key.isBlank(), "Invalid property: empty key");
    Checks.argument(!key.startsWith(TableModel.RESERVED_PROPERTY_PREFIX),
        "Invalid property: %s (keys starting with '%s' are reserved for Lake's migration state)", key,
        TableModel.RESERVED_PROPERTY_PREFIX);
  }

  /** The parent path of a dotted path; empty for a top-level column. */
  static String parentOf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  /** The last part of a dotted path. */
  static String leafOf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** Quotes a value for {@link #canonical()}: null as {@code null}, else JSON-style double quotes. */
  private static String q(String value) {
    return Canonical.quote(value);
  }

  /** Single-quotes text for {@link #toString()}. */
  private static String text(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }
}
