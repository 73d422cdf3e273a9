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


  /** Each operation annotation's default values, read once: thousands of mirrors share a few types. */
  private final Map<TypeElement, Map<String, Object>> defaults = new HashMap<>();

  private Map<String, Object> defaults(TypeElement operation) {
    return defaults.computeIfAbsent(operation, type -> {
      Map<String, Object> values = new HashMap<>();
      for (ExecutableElement attribute : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (attribute.getDefaultValue() != null) {
          values.put(attribute.getSimpleName().toString(), attribute.getDefaultValue().getValue());
        }
      }
      return values;
    });
  }

  /** An operation's values, defaults included, read from its mirror. */
  private Changes.Values values(AnnotationMirror mirror) {
    Map<String, Object> values = new HashMap<>(defaults((TypeElement) mirror.getAnnotationType().asElement()));
    mirror.getElementValues().forEach((key, value) -> values.put(key.getSimpleName().toString(), value.getValue()));
    return new Changes.Values() {
      @Override
      public String string(String attribute) {
        return (String) values.get(attribute);
      }

      @Override
      public boolean bool(String attribute) {
        return (Boolean) values.get(attribute);
      }

      @Override
      @SuppressWarnings("unchecked")
      public List<String> strings(String attribute) {
        Object value = values.get(attribute);
        if (value instanceof List<?> list) {
          return ((List<? extends AnnotationValue>) list).stream().map(v -> (String) v.getValue()).toList();
        }
        return List.of((String) value);
      }
    };
  }

  private static final String MIGRATION = Migration.class.getCanonicalName();

  /** Whether the class implements LakeMigration, directly or through a superclass or interface. */
  private boolean implementsLakeMigration(TypeElement element) {
    for (TypeMirror direct : element.getInterfaces()) {
      if (direct instanceof DeclaredType declared
          && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(LAKE_MIGRATION)) {
        return true;
      }
    }
    if (lakeMigration == null) {
      lakeMigration = elements.getTypeElement(LAKE_MIGRATION).asType();
    }
    return types.isAssignable(element.asType(), lakeMigration);
  }

  private static final String LAKE_MIGRATION = LakeMigration.class.getCanonicalName();
  private static final String SQL = Sql.class.getCanonicalName();
  private static final String SQL_LIST = Sql.List.class.getCanonicalName();
  private TypeMirror lakeMigration;

  Optional<Source> read(TypeElement element) {
    int errorsBefore = reporter.errors();
    String tableName = null;
    int step = 0;
    boolean destructive = false;
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(MIGRATION)) {
        for (var entry : mirror.getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("table")) {
            tableName = (String) entry.getValue().getValue();
          } else if (entry.getKey().getSimpleName().contentEquals("step")) {
            step = (Integer) entry.getValue().getValue();
          } else if (entry.getKey().getSimpleName().contentEquals("destructive")) {
            destructive = (Boolean) entry.getValue().getValue();
          }
        }
      }
    }
    TableName table = null;
    try {
      table = TableName.parse(tableName);
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
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      String name = type.getQualifiedName().toString();
      if (name.equals(SQL) || name.equals(SQL_LIST)) {
        // javac places a repeated annotation's diagnostics at its container: the class.
        for (AnnotationMirror statement : name.equals(SQL) ? List.of(mirror) : nested(mirror)) {
          readSql(element, mirror, statement, sql);
        }
        continue;
      }
      boolean container = type.getSimpleName().contentEquals("List")
          && type.getEnclosingElement() instanceof TypeElement enclosing && isOperation(enclosing);
      List<AnnotationMirror> operations = container ? nested(mirror) : isOperation(type) ? List.of(mirror) : List.of();
      for (AnnotationMirror operation : operations) {
        try {
          changes.add(Changes.of(operation.getAnnotationType().asElement().getSimpleName().toString(),
              values(operation)));
        } catch (IllegalArgumentException e) {
          reporter.error(element, mirror, e.getMessage());
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
}
