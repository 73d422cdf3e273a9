package dev.lake.processor;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.DropColumn;
import dev.lake.annotations.DropPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.MakeOptional;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MoveColumn;
import dev.lake.annotations.RemoveProperty;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.RequireColumn;
import dev.lake.annotations.SetIdentifierColumns;
import dev.lake.annotations.SetProperty;
import dev.lake.annotations.SetSortOrder;
import dev.lake.annotations.UpdateColumnDoc;
import dev.lake.annotations.UpdateColumnType;
import dev.lake.core.change.Change;
import dev.lake.core.change.Changes;
import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.model.TableName;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads one {@code @Migration} class from source into its step. */
final class HistoryReader {
  static final List<Class<? extends Annotation>> OPERATIONS = List.of(AddColumn.class, DropColumn.class,
      RenameColumn.class, UpdateColumnType.class, MakeOptional.class, RequireColumn.class, UpdateColumnDoc.class,
      MoveColumn.class, AddPartitionField.class, DropPartitionField.class, SetSortOrder.class,
      SetIdentifierColumns.class, SetProperty.class, RemoveProperty.class);

  /** A migration class and its step. */
  record Source(TypeElement element, Step step, String binaryName) {}

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  HistoryReader(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  Optional<Source> read(TypeElement element) {
    int errorsBefore = reporter.errors();
    Migration migration = element.getAnnotation(Migration.class);
    TableName table = null;
    try {
      table = TableName.parse(migration.table());
    } catch (IllegalArgumentException e) {
      reporter.error(element, Migration.class, "table", e.getMessage());
    }
    if (migration.step() < 0) {
      reporter.error(element, Migration.class, "step", "Invalid step " + migration.step() + ": steps are numbered "
          + "from 0");
    }
    TypeElement lakeMigration = elements.getTypeElement(LakeMigration.class.getCanonicalName());
    if (!types.isAssignable(element.asType(), lakeMigration.asType())) {
      reporter.error(element, Migration.class, null, element.getSimpleName() + " must implement LakeMigration: "
          + "declare it as 'final class " + element.getSimpleName() + " implements LakeMigration {}'");
    }
    List<Change> changes = new ArrayList<>();
    // Only the operations present: asking javac for each of them on every class is slow on large projects.
    Set<String> present = new HashSet<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      present.add(mirror.getAnnotationType().asElement().toString());
    }
    for (Class<? extends Annotation> operation : OPERATIONS) {
      if (!present.contains(operation.getCanonicalName())
          && !present.contains(operation.getCanonicalName() + ".List")) {
        continue;
      }
      for (Annotation annotation : element.getAnnotationsByType(operation)) {
        try {
          changes.addAll(Changes.of(annotation));
        } catch (IllegalArgumentException e) {
          reporter.error(element, operation, null, e.getMessage());
        }
      }
    }
    if (table == null || reporter.errors() > errorsBefore) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Source(element, Step.of(table, migration.step(), changes),
          elements.getBinaryName(element).toString()));
    } catch (StepException e) {
      reporter.error(element, Migration.class, null, e.getMessage());
      return Optional.empty();
    }
  }
}
