package dev.lake.processor;

import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.Sql;
import dev.lake.core.change.Change;
import dev.lake.core.change.Changes;
import dev.lake.core.change.SqlStatement;
import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads one {@code @Migration} class from source into its step. */
final class HistoryReader {
  /** A migration class, its step, and whether it says {@code @Migration(destructive = true)}. */
  record Source(TypeElement element, Step step, String binaryName, boolean markedDestructive) {}

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  HistoryReader(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  private static boolean isOperation(TypeElement type) {
    return Changes.OPERATIONS.contains(type.getSimpleName().toString())
        && type.getQualifiedName().toString().startsWith(Changes.PACKAGE + ".");
  }

  /** What an annotation on a migration class is to Lake. */
  private enum Role { MIGRATION, SQL, SQL_LIST, OPERATION, OPERATION_LIST, OTHER }

  /**
   * An annotation type's role, and for an operation (or a container of repeated ones) the operation's
   * simple name.
   */
  private record Kind(Role role, String operation) {}

  /** Each annotation type's kind, found once: thousands of migrations share a few annotation types. */
  private final Map<Element, Kind> kinds = new HashMap<>();

  private Kind kind(AnnotationMirror mirror) {
    Element type = mirror.getAnnotationType().asElement();
    Kind kind = kinds.get(type);
    if (kind == null) {
      kind = kindOf((TypeElement) type);
      kinds.put(type, kind);
    }
    return kind;
  }

  private static Kind kindOf(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (name.equals(MIGRATION)) {
      return new Kind(Role.MIGRATION, null);
    } else if (name.equals(SQL)) {
      return new Kind(Role.SQL, null);
    } else if (name.equals(SQL_LIST)) {
      return new Kind(Role.SQL_LIST, null);
    } else if (isOperation(type)) {
      return new Kind(Role.OPERATION, type.getSimpleName().toString());
    } else if (type.getSimpleName().contentEquals("List") && type.getEnclosingElement() instanceof TypeElement enclosing
        && isOperation(enclosing)) {
      return new Kind(Role.OPERATION_LIST, enclosing.getSimpleName().toString());
    }
    return new Kind(Role.OTHER, null);
  }

  /** Each annotation attribute's name, read once (javac builds a new string on every read of a name). */
  private final Map<Element, String> attributeNames = new HashMap<>();

  private String name(ExecutableElement attribute) {
    String name = attributeNames.get(attribute);
    if (name == null) {
      name = attribute.getSimpleName().toString();
      attributeNames.put(attribute, name);
    }
    return name;
  }

  /** Table names by their text, parsed once: every migration of a table names it. */
  private final Map<String, TableName> tableNames = new HashMap<>();

  private TableName tableName(String text) {
    TableName name = tableNames.get(text);
    if (name == null) {
      name = TableName.parse(text);
      tableNames.put(text, name);
    }
    return name;
  }

  /** Reads one {@code @Sql}, {@code statement}, found in {@code mirror} (itself or its container). */
  private void readSql(TypeElement element, AnnotationMirror mirror, AnnotationMirror statement,
      List<SqlStatement> sql) {
    String text = statement.getElementValues().entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
        .map(e -> (String) e.getValue().getValue()).findFirst().orElse("");
    List<String> problems = SqlStatement.problems(text);
    if (problems.isEmpty()) {
      sql.add(new SqlStatement(text));
    }
    problems.forEach(problem -> reporter.error(element, mirror, problem));
  }

  @SuppressWarnings("unchecked")
  private static List<AnnotationValue> containerValues(AnnotationMirror container) {
    for (var entry : container.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return (List<AnnotationValue>) entry.getValue().getValue();
      }
    }
    return List.of();
  }

  private static List<AnnotationMirror> nested(AnnotationMirror container) {
    return containerValues(container).stream().map(value -> (AnnotationMirror) value.getValue()).toList();
  }


  /**
   * An operation annotation's attributes, in the order it declares them, with their default values
   * (null for none): read once per annotation type, since thousands of mirrors share a few types.
   */
  private record Attributes(String[] names, Object[] defaults) {
    int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  private final Map<Element, Attributes> attributes = new HashMap<>();

  private Attributes attributes(Element operation) {
    Attributes known = attributes.get(operation);
    if (known == null) {
      List<ExecutableElement> methods = ElementFilter.methodsIn(operation.getEnclosedElements());
      String[] names = new String[methods.size()];
      Object[] defaults = new Object[methods.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = name(methods.get(i));
        AnnotationValue value = methods.get(i).getDefaultValue();
        defaults[i] = value == null ? null : value.getValue();
      }
      known = new Attributes(names, defaults);
      attributes.put(operation, known);
    }
    return known;
  }

  /**
   * An operation's values, defaults included, read from its mirror. Kept to arrays and loops: this
   * runs once per operation of every migration, in a compile's cold JVM.
   */
  private Changes.Values values(AnnotationMirror mirror) {
    Attributes attributes = attributes(mirror.getAnnotationType().asElement());
    Object[] values = attributes.defaults().clone();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      int index = attributes.indexOf(name(entry.getKey()));
      if (index >= 0) {
        values[index] = entry.getValue().getValue();
      }
    }
    return new Changes.Values() {
      private Object value(String attribute) {
        int index = attributes.indexOf(attribute);
        return index < 0 ? null : values[index];
      }

      @Override
      public String string(String attribute) {
        return (String) value(attribute);
      }

      @Override
      public boolean bool(String attribute) {
        return (Boolean) value(attribute);
      }

      @Override
      @SuppressWarnings("unchecked")
      public List<String> strings(String attribute) {
        Object value = value(attribute);
        if (value instanceof List<?> list) {
          List<String> strings = new ArrayList<>(list.size());
          for (AnnotationValue item : (List<? extends AnnotationValue>) list) {
            strings.add((String) item.getValue());
          }
          return List.copyOf(strings);
        }
        return List.of((String) value);
      }
    };
  }

  private static final String MIGRATION = Migration.class.getCanonicalName();

  /** Whether the class implements LakeMigration, directly or through a superclass or interface. */
  private boolean implementsLakeMigration(TypeElement element) {
    if (lakeMigration == null) {
      lakeMigration = elements.getTypeElement(LAKE_MIGRATION);
    }
    for (TypeMirror direct : element.getInterfaces()) {
      if (direct instanceof DeclaredType declared && declared.asElement().equals(lakeMigration)) {
        return true;
      }
    }
    return lakeMigration != null && types.isAssignable(element.asType(), lakeMigration.asType());
  }

  private static final String LAKE_MIGRATION = LakeMigration.class.getCanonicalName();
  private static final String SQL = Sql.class.getCanonicalName();
  private static final String SQL_LIST = Sql.List.class.getCanonicalName();
  private TypeElement lakeMigration;

  Optional<Source> read(TypeElement element) {
    int errorsBefore = reporter.errors();
    String tableName = null;
    int step = 0;
    boolean destructive = false;
    List<? extends AnnotationMirror> mirrors = element.getAnnotationMirrors();
    for (AnnotationMirror mirror : mirrors) {
      if (kind(mirror).role() == Role.MIGRATION) {
        for (var entry : mirror.getElementValues().entrySet()) {
          switch (name(entry.getKey())) {
            case "table" -> tableName = (String) entry.getValue().getValue();
            case "step" -> step = (Integer) entry.getValue().getValue();
            case "destructive" -> destructive = (Boolean) entry.getValue().getValue();
            default -> {
            }
          }
        }
      }
    }
    TableName table = null;
    try {
      table = tableName(tableName);
    } catch (IllegalArgumentException e) {
      reporter.error(element, Migration.class, "table", e.getMessage());
    }
    if (step < 0) {
      reporter.error(element, Migration.class, "step", "Invalid step " + step + ": steps are numbered from 0");
    }
    if (!implementsLakeMigration(element)) {
      reporter.error(element, Migration.class, null, element.getSimpleName() + " must implement LakeMigration: "
          + "declare it as 'final class " + element.getSimpleName() + " implements LakeMigration {}'");
    }
    List<Change> changes = new ArrayList<>();
    List<SqlStatement> sql = new ArrayList<>();
    for (AnnotationMirror mirror : mirrors) {
      Kind kind = kind(mirror);
      switch (kind.role()) {
        // javac places a repeated annotation's diagnostics at its container: the class.
        case SQL -> readSql(element, mirror, mirror, sql);
        case SQL_LIST -> {
          for (AnnotationMirror statement : nested(mirror)) {
            readSql(element, mirror, statement, sql);
          }
        }
        case OPERATION -> readOperation(element, mirror, mirror, kind.operation(), changes);
        case OPERATION_LIST -> {
          for (AnnotationMirror operation : nested(mirror)) {
            readOperation(element, mirror, operation, kind.operation(), changes);
          }
        }
        case MIGRATION, OTHER -> {
        }
      }
    }
    if (table == null || reporter.errors() > errorsBefore) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Source(element, Step.of(table, step, changes, sql),
          elements.getBinaryName(element).toString(), destructive));
    } catch (StepException e) {
      reporter.error(element, Migration.class, null, e.getMessage());
      return Optional.empty();
    }
  }

  /** Reads one operation, {@code operation}, found in {@code mirror} (itself or its container). */
  private void readOperation(TypeElement element, AnnotationMirror mirror, AnnotationMirror operation, String name,
      List<Change> changes) {
    try {
      changes.add(Changes.of(name, values(operation)));
    } catch (IllegalArgumentException e) {
      reporter.error(element, mirror, e.getMessage());
    }
  }
}
