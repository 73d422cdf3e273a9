package dev.lake.core.diff;

import dev.lake.core.change.Change;
import dev.lake.core.model.FieldRef;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between two models, each difference said from both sides: "the table has column
 * extra; steps 0 to 3 do not". For messages where a change's direction would be ambiguous (a
 * baseline that does not match, a repair that is refused).
 */
public final class Sides {
  private Sides() {}

  /**
   * The differences between {@code left} (named {@code leftName}, such as "steps 0 to 3") and
   * {@code right} (such as "the table"); properties only {@code right} has are ignored, as for live
   * drift.
   */
  public static List<String> describe(TableModel left, String leftName, TableModel right, String rightName,
      FormatRules rules) {
    Describer describer = new Describer(left, leftName, right, rightName);
    return Diff.managed(left, right, rules).stream().map(change -> change.accept(describer)).toList();
  }

  private static final class Describer implements Change.Visitor<String> {
    private final TableModel left;
    private final String leftName;
    private final TableModel right;
    private final String rightName;

    Describer(TableModel left, String leftName, TableModel right, String rightName) {
      this.left = left;
      this.leftName = leftName;
      this.right = right;
      this.rightName = rightName;
    }

    private String column(TableModel model, String path) {
      Optional<FieldRef> ref = model.find(path);
      return ref.map(r -> path + " " + r.type() + (r.required() ? " not null" : "")).orElse(path);
    }

    private static String verbOf(String name) {
      return name.startsWith("the ") ? "has" : "have";
    }

    private static String negationOf(String name) {
      return name.startsWith("the ") ? "does not" : "do not";
    }

    @Override
    public String addColumn(Change.AddColumn change) {
      return rightName + " " + verbOf(rightName) + " column " + column(right, change.path()) + "; " + leftName + " "
          + negationOf(leftName);
    }

    @Override
    public String dropColumn(Change.DropColumn change) {
      return leftName + " " + verbOf(leftName) + " column " + column(left, change.path()) + "; " + rightName + " "
          + negationOf(rightName);
    }

    @Override
    public String renameColumn(Change.RenameColumn change) {
      return "column " + change.path() + " of " + leftName + " is " + change.newPath() + " in " + rightName;
    }

    @Override
    public String updateColumnType(Change.UpdateColumnType change) {
      return "column " + change.path() + " is " + change.type() + " in " + rightName + ", "
          + left.find(change.path()).map(r -> r.type().toString()).orElse("?") + " in " + leftName;
    }

    @Override
    public String makeOptional(Change.MakeOptional change) {
      return "column " + change.path() + " is optional in " + rightName + ", required in " + leftName;
    }

    @Override
    public String requireColumn(Change.RequireColumn change) {
      return "column " + change.path() + " is required in " + rightName + ", optional in " + leftName;
    }

    @Override
    public String updateColumnDoc(Change.UpdateColumnDoc change) {
      return "column " + change.path() + " has " + doc(change.doc()) + " in " + rightName + ", "
          + doc(left.find(change.path()).map(r -> r.field().doc()).orElse(null)) + " in " + leftName;
    }

    private static String doc(String doc) {
      return doc == null ? "no doc" : "doc '" + doc + "'";
    }

    @Override
    public String moveColumn(Change.MoveColumn change) {
      return "column " + change.path() + " is placed " + change.position() + " in " + rightName + ", not in "
          + leftName;
    }

    @Override
    public String addPartitionField(Change.AddPartitionField change) {
      return rightName + " " + verbOf(rightName) + " partition field " + change.field() + "; " + leftName + " "
          + negationOf(leftName);
    }

    @Override
    public String dropPartitionField(Change.DropPartitionField change) {
      return leftName + " " + verbOf(leftName) + " partition field " + change.ref() + "; " + rightName + " "
          + negationOf(rightName);
    }

    @Override
    public String setSortOrder(Change.SetSortOrder change) {
      return "the sort order is " + order(right) + " in " + rightName + ", " + order(left) + " in " + leftName;
    }

    private static String order(TableModel model) {
      return model.sortOrder().isEmpty() ? "none"
          : model.sortOrder().stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String setIdentifierColumns(Change.SetIdentifierColumns change) {
      return "the identifier columns are " + identifiers(right) + " in " + rightName + ", " + identifiers(left)
          + " in " + leftName;
    }

    private static String identifiers(TableModel model) {
      return model.identifierColumns().isEmpty() ? "none" : String.join(", ", model.identifierColumns());
    }

    @Override
    public String setProperty(Change.SetProperty change) {
      String was = left.properties().get(change.key());
      return "property " + change.key() + " is '" + change.value() + "' in " + rightName + ", "
          + (was == null ? "not set" : "'" + was + "'") + " in " + leftName;
    }

    @Override
    public String removeProperty(Change.RemoveProperty change) {
      return leftName + " " + (leftName.startsWith("the ") ? "sets" : "set") + " property " + change.key() + " to '"
          + left.properties().get(change.key()) + "'; " + rightName + " " + negationOf(rightName);
    }
  }
}
