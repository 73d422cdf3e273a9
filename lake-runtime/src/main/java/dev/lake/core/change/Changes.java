package dev.lake.core.change;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.DropColumn;
import dev.lake.annotations.DropPartitionField;
import dev.lake.annotations.MakeOptional;
import dev.lake.annotations.MoveColumn;
import dev.lake.annotations.RemoveProperty;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.RequireColumn;
import dev.lake.annotations.SetIdentifierColumns;
import dev.lake.annotations.SetProperty;
import dev.lake.annotations.SetSortOrder;
import dev.lake.annotations.UpdateColumnDoc;
import dev.lake.annotations.UpdateColumnType;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds {@link Change}s from migration annotations, parsing their type, transform and sort texts.
 * Works on any annotation instance: one read by reflection from a compiled class, or one an annotation
 * processor got from an element.
 */
public final class Changes {
  private Changes() {}

  /**
   * The changes an annotation declares: one for an operation annotation, one per element for a
   * container of repeated operations, none for any other annotation.
   *
   * @throws IllegalArgumentException when a value is invalid (a type that does not parse, say); the
   *     message names the annotation and the problem
   */
  public static List<Change> of(Annotation annotation) {
    if (annotation instanceof AddColumn.List list) {
      return of(list.value());
    }
    if (annotation instanceof DropColumn.List list) {
      return of(list.value());
    }
    if (annotation instanceof RenameColumn.List list) {
      return of(list.value());
    }
    if (annotation instanceof UpdateColumnType.List list) {
      return of(list.value());
    }
    if (annotation instanceof MakeOptional.List list) {
      return of(list.value());
    }
    if (annotation instanceof RequireColumn.List list) {
      return of(list.value());
    }
    if (annotation instanceof UpdateColumnDoc.List list) {
      return of(list.value());
    }
    if (annotation instanceof MoveColumn.List list) {
      return of(list.value());
    }
    if (annotation instanceof AddPartitionField.List list) {
      return of(list.value());
    }
    if (annotation instanceof DropPartitionField.List list) {
      return of(list.value());
    }
    if (annotation instanceof SetProperty.List list) {
      return of(list.value());
    }
    if (annotation instanceof RemoveProperty.List list) {
      return of(list.value());
    }
    try {
      if (annotation instanceof AddColumn a) {
        return List.of(Change.AddColumn.of(a.parent(), a.name(), a.type(), a.required(), a.doc(), a.after(), a.first()));
      }
      if (annotation instanceof DropColumn a) {
        return List.of(new Change.DropColumn(a.value()));
      }
      if (annotation instanceof RenameColumn a) {
        return List.of(new Change.RenameColumn(a.from(), a.to()));
      }
      if (annotation instanceof UpdateColumnType a) {
        return List.of(Change.UpdateColumnType.of(a.path(), a.type()));
      }
      if (annotation instanceof MakeOptional a) {
        return List.of(new Change.MakeOptional(a.value()));
      }
      if (annotation instanceof RequireColumn a) {
        return List.of(new Change.RequireColumn(a.value()));
      }
      if (annotation instanceof UpdateColumnDoc a) {
        return List.of(new Change.UpdateColumnDoc(a.path(), a.doc()));
      }
      if (annotation instanceof MoveColumn a) {
        return List.of(Change.MoveColumn.of(a.path(), a.first(), a.after(), a.before()));
      }
      if (annotation instanceof AddPartitionField a) {
        return List.of(Change.AddPartitionField.of(a.source(), a.transform(), a.name()));
      }
      if (annotation instanceof DropPartitionField a) {
        return List.of(new Change.DropPartitionField(a.value()));
      }
      if (annotation instanceof SetSortOrder a) {
        return List.of(Change.SetSortOrder.of(a.value()));
      }
      if (annotation instanceof SetIdentifierColumns a) {
        return List.of(new Change.SetIdentifierColumns(Arrays.asList(a.value())));
      }
      if (annotation instanceof SetProperty a) {
        return List.of(new Change.SetProperty(a.key(), a.value()));
      }
      if (annotation instanceof RemoveProperty a) {
        return List.of(new Change.RemoveProperty(a.value()));
      }
      return List.of();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid @" + annotation.annotationType().getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  /** The changes of all these annotations, in the order given. */
  public static List<Change> of(Annotation... annotations) {
    List<Change> changes = new ArrayList<>();
    for (Annotation annotation : annotations) {
      changes.addAll(of(annotation));
    }
    return changes;
  }
}
