package dev.lake.core.change;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Change}s from migration annotations, parsing their type, transform and sort texts.
 * One mapping serves both readers: the runtime reads annotation instances by reflection, and the
 * annotation processor reads annotation mirrors (without javac's annotation proxies, which are slow
 * on large projects) through {@link Values}.
 */
public final class Changes {
  /** The operation annotations, by simple name. */
  public static final List<String> OPERATIONS = List.of("AddColumn", "DropColumn", "RenameColumn",
      "UpdateColumnType", "MakeOptional", "RequireColumn", "UpdateColumnDoc", "MoveColumn", "AddPartitionField",
      "DropPartitionField", "SetSortOrder", "SetIdentifierColumns", "SetProperty", "RemoveProperty");

  /** The package of the operation annotations. */
  public static final String PACKAGE = "dev.lake.annotations";

  /** An operation annotation's attribute values, defaults included. */
  public interface Values {
    String string(String attribute);

    boolean bool(String attribute);

    List<String> strings(String attribute);
  }

  private Changes() {}

  /**
   * The change an operation annotation declares.
   *
   * @param operation the annotation's simple name, one of {@link #OPERATIONS}
   * @throws IllegalArgumentException when a value is invalid (a type that does not parse, say); the
   *     message names the annotation and the problem
   */
  public static Change of(String operation, Values v) {
    try {
      return switch (operation) {
        case "AddColumn" -> Change.AddColumn.of(v.string("parent"), v.string("name"), v.string("type"),
            v.bool("required"), v.string("doc"), v.string("after"), v.bool("first"));
        case "DropColumn" -> new Change.DropColumn(v.string("value"));
        case "RenameColumn" -> new Change.RenameColumn(v.string("from"), v.string("to"));
        case "UpdateColumnType" -> Change.UpdateColumnType.of(v.string("path"), v.string("type"));
        case "MakeOptional" -> new Change.MakeOptional(v.string("value"));
        case "RequireColumn" -> new Change.RequireColumn(v.string("value"));
        case "UpdateColumnDoc" -> new Change.UpdateColumnDoc(v.string("path"), v.string("doc"));
        case "MoveColumn" -> Change.MoveColumn.of(v.string("path"), v.bool("first"), v.string("after"),
            v.string("before"));
        case "AddPartitionField" -> Change.AddPartitionField.of(v.string("source"), v.string("transform"),
            v.string("name"));
        case "DropPartitionField" -> new Change.DropPartitionField(v.string("value"));
        case "SetSortOrder" -> Change.SetSortOrder.of(v.strings("value").toArray(String[]::new));
        case "SetIdentifierColumns" -> new Change.SetIdentifierColumns(v.strings("value"));
        case "SetProperty" -> new Change.SetProperty(v.string("key"), v.string("value"));
        case "RemoveProperty" -> new Change.RemoveProperty(v.string("value"));
        default -> throw new IllegalArgumentException("Unknown operation: " + operation);
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid @" + operation + ": " + e.getMessage(), e);
    }
  }

  /**
   * The changes an annotation instance declares: one for an operation annotation, one per element
   * for a container of repeated operations, none for any other annotation.
   */
  public static List<Change> of(Annotation annotation) {
    Class<? extends Annotation> type = annotation.annotationType();
    Class<?> enclosing = type.getEnclosingClass();
    if (type.getSimpleName().equals("List") && enclosing != null && isOperation(enclosing)) {
      return of((Annotation[]) attribute(annotation, "value"));
    }
    if (!isOperation(type)) {
      return List.of();
    }
    return List.of(of(type.getSimpleName(), new Values() {
      @Override
      public String string(String name) {
        return (String) attribute(annotation, name);
      }

      @Override
      public boolean bool(String name) {
        return (Boolean) attribute(annotation, name);
      }

      @Override
      public List<String> strings(String name) {
        return Arrays.asList((String[]) attribute(annotation, name));
      }
    }));
  }

  /** The changes of all these annotations, in the order given. */
  public static List<Change> of(Annotation... annotations) {
    List<Change> changes = new ArrayList<>();
    for (Annotation annotation : annotations) {
      changes.addAll(of(annotation));
    }
    return changes;
  }

  private static boolean isOperation(Class<?> type) {
    return type.getPackageName().equals(PACKAGE) && OPERATIONS.contains(type.getSimpleName());
  }

  /** Each annotation type's attributes by name, looked up once: a project reads thousands of migrations. */
  private static final ClassValue<Map<String, Method>> ATTRIBUTES = new ClassValue<>() {
    @Override
    protected Map<String, Method> computeValue(Class<?> type) {
      Map<String, Method> methods = new HashMap<>();
      for (Method method : type.getDeclaredMethods()) {
        methods.put(method.getName(), method);
      }
      return Map.copyOf(methods);
    }
  };

  private static Object attribute(Annotation annotation, String name) {
    try {
      Method method = ATTRIBUTES.get(annotation.annotationType()).get(name);
      if (method == null) {
        throw new NoSuchMethodException(name);
      }
      return method.invoke(annotation);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + " has no attribute " + name,
          e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
