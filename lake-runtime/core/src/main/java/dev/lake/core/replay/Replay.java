package dev.lake.core.replay;

import dev.lake.core.change.Change;
import dev.lake.core.change.Change.AddColumn;
import dev.lake.core.change.Change.AddPartitionField;
import dev.lake.core.change.Change.DropColumn;
import dev.lake.core.change.Change.DropPartitionField;
import dev.lake.core.change.Change.MakeOptional;
import dev.lake.core.change.Change.MoveColumn;
import dev.lake.core.change.Change.RemoveProperty;
import dev.lake.core.change.Change.RenameColumn;
import dev.lake.core.change.Change.RequireColumn;
import dev.lake.core.change.Change.SetIdentifierColumns;
import dev.lake.core.change.Change.SetProperty;
import dev.lake.core.change.Change.SetSortOrder;
import dev.lake.core.change.Change.UpdateColumnDoc;
import dev.lake.core.change.Change.UpdateColumnType;
import dev.lake.core.change.Position;
import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.model.Column;
import dev.lake.core.model.FieldRef;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies a {@link Step} to a {@link TableModel} under the rules of the table's format: each change in
 * the step's canonical order, then the format's rules on the result. Every violation is a {@link StepException} that names the table, the
 * step, the column and the rule, such as {@code analytics.events step 3: Cannot change column type:
 * count: long -> int}.
 */
public final class Replay implements Change.Visitor<Void> {
  private final Step step;
  private final FormatRules rules;
  private TableModel model;

  private Replay(TableModel model, Step step, FormatRules rules) {
    this.model = model;
    this.step = step;
    this.rules = rules;
  }

  /**
   * The model after the step.
   *
   * @throws StepException when a change cannot apply or the result breaks a table rule
   */
  public static TableModel apply(TableModel model, Step step, FormatRules rules) {
    if (!model.name().equals(step.table())) {
      throw new IllegalArgumentException("Cannot apply a step of " + step.table() + " to " + model.name());
    }
    Replay replay = new Replay(model, step, rules);
    for (Change change : step.changes()) {
      change.accept(replay);
    }
    replay.checkResult();
    return replay.model;
  }

  @Override
  public Void dropColumn(DropColumn drop) {
    FieldRef ref = structField(drop.path(), "Cannot drop column", "drop or change the column that holds it");
    String path = drop.path();
    checkPartitionColumnFixed("Cannot drop column", path);
    for (PartitionField field : model.partitioning()) {
      if (uses(field.source(), path)) {
        throw fail("Cannot drop column: " + path + ": partition field " + field.ref()
            + " uses it; drop the partition field in the same step (@DropPartitionField(\"" + field.ref() + "\"))");
      }
    }
    boolean sortOrderSet = step.changes().stream().anyMatch(c -> c instanceof SetSortOrder);
    if (!sortOrderSet && model.sortOrder().stream().anyMatch(f -> uses(f.column(), path))) {
      throw fail("Cannot drop column: " + path + ": the sort order uses it; change the sort order in the same "
          + "step (@SetSortOrder)");
    }
    boolean identifiersSet = step.changes().stream().anyMatch(c -> c instanceof SetIdentifierColumns);
    if (!identifiersSet && model.identifierColumns().stream().anyMatch(c -> uses(c, path))) {
      throw fail("Cannot drop column: " + path + ": it is an identifier column; change the identifier columns "
          + "in the same step (@SetIdentifierColumns)");
    }
    // The step replaces the sort order and identifier columns (checked above): what named the dropped
    // column goes with it, so a column added under the same name later in the step is a new column.
    model = model.updateFields(ref.parentPath(), fields -> without(fields, ref.field().name()))
        .withSortOrder(model.sortOrder().stream().filter(f -> !uses(f.column(), path)).toList())
        .withIdentifierColumns(model.identifierColumns().stream().filter(c -> !uses(c, path)).toList());
    return null;
  }

  @Override
  public Void renameColumn(RenameColumn rename) {
    FieldRef ref = structField(rename.path(), "Cannot rename column", "their names are fixed");
    checkPartitionColumnFixed("Cannot rename column", rename.path());
    if (siblingExists(ref.parentPath(), rename.newName())) {
      throw fail("Cannot rename column: " + rename.path() + " to " + rename.newName() + ": a column "
          + rename.newPath() + " already exists");
    }
    model = model.updateColumn(rename.path(), column -> column.withName(rename.newName()));
    String from = rename.path();
    String to = rename.newPath();
    model = model
        .withPartitioning(model.partitioning().stream()
            .map(f -> f.withSource(renamed(f.source(), from, to))).toList())
        .withSortOrder(model.sortOrder().stream().map(f -> f.withColumn(renamed(f.column(), from, to))).toList())
        .withIdentifierColumns(model.identifierColumns().stream().map(c -> renamed(c, from, to)).toList());
    return null;
  }

  @Override
  public Void updateColumnType(UpdateColumnType update) {
    FieldRef ref = existing(update.path(), "Cannot change column type");
    notInMapKey(ref, "Cannot change column type");
    checkPartitionColumnFixed("Cannot change column type", update.path());
    if (!ref.type().isPrimitive()) {
      throw fail("Cannot change column type: " + update.path() + ": " + ref.type() + " -> " + update.type()
          + " (only primitive types can be promoted; change the fields inside it instead)");
    }
    if (ref.type().equals(update.type())) {
      throw fail("Cannot change column type: " + update.path() + " already is " + update.type());
    }
    if (!rules.isPromotionAllowed(ref.type(), update.type())) {
      throw fail("Cannot change column type: " + update.path() + ": " + ref.type() + " -> " + update.type()
          + " (" + rules.format() + " allows " + rules.promotionsText() + "; for another type, add a new column and "
          + "drop this one)");
    }
    model = model.updateColumn(update.path(), column -> column.withType(update.type()));
    return null;
  }

  @Override
  public Void makeOptional(MakeOptional change) {
    setRequired(change.path(), false);
    return null;
  }

  @Override
  public Void requireColumn(RequireColumn change) {
    setRequired(change.path(), true);
    return null;
  }

  @Override
  public Void setSortOrder(SetSortOrder set) {
    if (!rules.sortOrders()) {
      throw fail("Cannot set sort order: " + rules.format() + " tables have no sort order (remove @SetSortOrder)");
    }
    // Setting the current value is allowed: a step that drops a sort or identifier column must set
    // them, and what it sets may equal what remains after the drop.
    model = model.withSortOrder(set.fields());
    return null;
  }

  @Override
  public Void setIdentifierColumns(SetIdentifierColumns set) {
    if (!rules.identifierColumns()) {
      throw fail("Cannot set identifier columns: " + rules.format() + " tables have no identifier columns "
          + "(remove @SetIdentifierColumns)");
    }
    model = model.withIdentifierColumns(set.columns());
    return null;
  }

  @Override
  public Void removeProperty(RemoveProperty remove) {
    checkPropertyKey("Cannot remove property", remove.key());
    rules.fixedPrefixOf(remove.key()).ifPresent(prefix -> {
      throw fail("Cannot remove property " + remove.key() + ": " + rules.format() + " keeps '" + prefix
          + "' properties once they are set; set it to another value instead");
    });
    if (!model.properties().containsKey(remove.key())) {
      throw fail("Cannot remove property " + remove.key() + ": it is not set");
    }
    Map<String, String> properties = new TreeMap<>(model.properties());
    properties.remove(remove.key());
    model = model.withProperties(properties);
    return null;
  }

  @Override
  public Void setProperty(SetProperty set) {
    checkPropertyKey("Cannot set property", set.key());
    if (set.value().equals(model.properties().get(set.key()))) {
      throw fail("Cannot set property " + set.key() + ": it already is '" + set.value() + "'");
    }
    Map<String, String> properties = new TreeMap<>(model.properties());
    properties.put(set.key(), set.value());
    model = model.withProperties(properties);
    return null;
  }

  private void checkPropertyKey(String rule, String key) {
    rules.whyReserved(key).ifPresent(why -> {
      throw fail(rule + " " + key + ": " + why);
    });
  }

  /** Without partition evolution, a partition column keeps its name and type, and stays. */
  private void checkPartitionColumnFixed(String rule, String path) {
    if (rules.partitionEvolution()) {
      return;
    }
    for (PartitionField field : model.partitioning()) {
      if (uses(field.source(), path)) {
        throw fail(rule + ": " + path + ": it is a partition column, and " + rules.format() + " fixes partition "
            + "columns when the table is created");
      }
    }
  }

  /** Whether a value of this type must hold a value somewhere inside: a required field, element or map value. */
  private static boolean requiresValues(dev.lake.core.model.Type type) {
    if (type instanceof dev.lake.core.model.StructType struct) {
      return struct.fields().stream().anyMatch(f -> f.required() || requiresValues(f.type()));
    } else if (type instanceof dev.lake.core.model.ListType list) {
      return list.elementRequired() || requiresValues(list.element());
    } else if (type instanceof dev.lake.core.model.MapType map) {
      return map.valueRequired() || requiresValues(map.key()) || requiresValues(map.value());
    }
    return false;
  }

  /** Partition changes after step 0 need a format whose partitioning can evolve. */
  private void checkPartitionEvolution(String rule) {
    if (step.number() > 0 && !rules.partitionEvolution()) {
      throw fail(rule + ": " + rules.format() + " fixes a table's partition columns when it is created (step 0); "
          + "to partition differently, create a new table");
    }
  }

  private void setRequired(String path, boolean required) {
    String rule = required ? "Cannot require column" : "Cannot make column optional";
    FieldRef ref = existing(path, rule);
    if (ref.kind() == FieldRef.Kind.KEY) {
      throw fail(rule + ": " + path + ": map keys are always required");
    }
    notInMapKey(ref, rule);
    if (ref.required() == required) {
      throw fail(rule + ": " + path + " already is " + (required ? "required" : "optional"));
    }
    if (required && step.number() > 0 && !rules.requiredColumnsAfterCreate()) {
      throw fail(rule + ": " + path + ": " + rules.format() + " cannot make a column of an existing table required; "
          + "declare it required when the table is created (step 0), or keep it optional");
    }
    model = model.updateColumn(path, column -> column.withRequired(required));
  }

  @Override
  public Void updateColumnDoc(UpdateColumnDoc update) {
    FieldRef ref = structField(update.path(), "Cannot change column doc", "they have no doc");
    if (java.util.Objects.equals(ref.field().doc(), update.doc())) {
      throw fail("Cannot change column doc: " + update.path() + " already has "
          + (update.doc() == null ? "no doc" : "this doc"));
    }
    model = model.updateColumn(update.path(), column -> column.withDoc(update.doc()));
    return null;
  }

  @Override
  public Void addColumn(AddColumn add) {
    String parent = add.parent();
    String rule = "Cannot add column";
    if (step.number() > 0 && !rules.requiredColumnsAfterCreate()
        && (add.column().required() || requiresValues(add.column().type()))) {
      throw fail(rule + ": " + add.path() + ": " + rules.format() + " adds columns to an existing table only as "
          + "optional, with no required field inside; add it as optional (required = false, no 'not null')");
    }
    Optional<List<Column>> fields = model.fieldsOf(parent);
    if (fields.isEmpty()) {
      Optional<FieldRef> parentRef = model.find(parent);
      throw fail(rule + ": " + add.path() + ": " + (parentRef.isEmpty() ? "no parent column " + parent
          : "its parent " + parent + " is " + parentRef.get().type() + ", not a struct"));
    }
    model.find(parent).ifPresent(ref -> notInMapKey(ref, rule));
    for (Column sibling : fields.get()) {
      if (sibling.name().equals(add.column().name())) {
        throw fail(rule + ": " + add.path() + " already exists");
      }
    }
    Position position = add.position();
    model = model.updateFields(parent, siblings -> insert(siblings, add.column(), position, add.path(), rule));
    return null;
  }

  @Override
  public Void moveColumn(MoveColumn move) {
    FieldRef ref = structField(move.path(), "Cannot move column", "they have no position");
    String rule = "Cannot move column";
    model = model.updateFields(ref.parentPath(),
        fields -> insert(without(fields, ref.field().name()), ref.field(), move.position(), move.path(), rule));
    return null;
  }

  @Override
  public Void dropPartitionField(DropPartitionField drop) {
    checkPartitionEvolution("Cannot drop partition field " + drop.ref());
    List<PartitionField> kept = model.partitioning().stream().filter(f -> !drop.matches(f)).toList();
    if (kept.size() == model.partitioning().size()) {
      throw fail("Cannot drop partition field " + drop.ref() + ": no such field (the table has "
          + (model.partitioning().isEmpty() ? "none" : model.partitioning().stream()
              .map(PartitionField::toString).collect(Collectors.joining(", "))) + ")");
    }
    model = model.withPartitioning(kept);
    return null;
  }

  @Override
  public Void addPartitionField(AddPartitionField add) {
    checkPartitionEvolution("Cannot add partition field " + add.field().ref());
    PartitionField field = add.field();
    if (model.partitioning().stream().anyMatch(f -> f.ref().equals(field.ref()))) {
      throw fail("Cannot add partition field " + field.ref() + ": it already exists");
    }
    List<PartitionField> fields = new ArrayList<>(model.partitioning());
    fields.add(field);
    model = model.withPartitioning(fields);
    return null;
  }

  private void checkResult() {
    List<String> problems = rules.problems(model);
    if (!problems.isEmpty()) {
      throw fail(String.join("; ", problems));
    }
  }

  private FieldRef existing(String path, String rule) {
    return model.find(path).orElseThrow(() -> fail(rule + ": " + path + ": no such column" + known(path)));
  }

  /** A struct field (not an element, key or value, and not inside a map key). */
  private FieldRef structField(String path, String rule, String whyNot) {
    FieldRef ref = existing(path, rule);
    if (ref.kind() != FieldRef.Kind.FIELD) {
      throw fail(rule + ": " + path + ": list elements, map keys and map values cannot be changed this way ("
          + whyNot + ")");
    }
    notInMapKey(ref, rule);
    return ref;
  }

  private void notInMapKey(FieldRef ref, String rule) {
    if (ref.inMapKey()) {
      throw fail(rule + ": " + ref.path() + ": map keys cannot change");
    }
  }

  private boolean siblingExists(String parentPath, String name) {
    return model.fieldsOf(parentPath).orElse(List.of()).stream().anyMatch(f -> f.name().equals(name));
  }

  private List<Column> insert(List<Column> fields, Column column, Position position, String path, String rule) {
    List<Column> result = new ArrayList<>(fields);
    switch (position.kind()) {
      case LAST -> result.add(column);
      case FIRST -> result.add(0, column);
      case AFTER, BEFORE -> {
        int index = -1;
        for (int i = 0; i < result.size(); i++) {
          if (result.get(i).name().equals(position.sibling())) {
            index = i;
          }
        }
        if (index < 0) {
          throw fail(rule + ": " + path + " " + position + ": no sibling column " + position.sibling());
        }
        result.add(position.kind() == Position.Kind.AFTER ? index + 1 : index, column);
      }
      default -> throw new IllegalStateException("Unknown position: " + position);
    }
    return result;
  }

  private static List<Column> without(List<Column> fields, String name) {
    return fields.stream().filter(f -> !f.name().equals(name)).toList();
  }

  /** A hint listing the columns that exist beside a missing path. */
  private String known(String path) {
    int dot = path.lastIndexOf('.');
    String parent = dot < 0 ? "" : path.substring(0, dot);
    return model.fieldsOf(parent)
        .map(fields -> " (" + (parent.isEmpty() ? "the table" : parent) + " has " + (fields.isEmpty() ? "no columns"
            : fields.stream().map(Column::name).collect(Collectors.joining(", "))) + ")")
        .orElse("");
  }

  private static boolean uses(String reference, String path) {
    return reference.equals(path) || reference.startsWith(path + ".");
  }

  private static String renamed(String reference, String from, String to) {
    if (reference.equals(from)) {
      return to;
    }
    return reference.startsWith(from + ".") ? to + reference.substring(from.length()) : reference;
  }

  private StepException fail(String problem) {
    return new StepException(step.table(), step.number(), problem);
  }
}
