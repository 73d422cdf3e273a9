package dev.lake.core.engine;

import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MigrationContext;
import dev.lake.annotations.Sql;
import dev.lake.core.change.Change;
import dev.lake.core.change.Changes;
import dev.lake.core.change.SqlStatement;
import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the tables and their migrations from Lake's index and the compiled {@code @Migration}
 * classes that it names, by reflection through a given class loader. Checks numbering and replays
 * every history, so that a broken history is found before anything touches a catalog; a table declared
 * with {@code @LakeTable(enabled = false)} is checked so, and left out of what it returns.
 */
public final class Resolver {
  private Resolver() {}

  /**
   * Every table of the index visible to {@code loader}, by name.
   *
   * @throws LakeException when a class is missing or not a migration, or a history is broken
   */
  public static Map<TableName, ResolvedTable> resolve(ClassLoader loader) {
    Map<TableName, ResolvedTable> tables = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (LakeIndex.Entry entry : LakeIndex.read(loader).values()) {
      List<ResolvedMigration> migrations = new ArrayList<>();
      for (String className : entry.migrationClasses()) {
        try {
          ResolvedMigration migration = migration(Class.forName(className, false, loader));
          if (!migration.step().table().equals(entry.table())) {
            problems.add(className + " migrates " + migration.step().table() + " but is listed under " + entry.table());
          } else {
            migrations.add(migration);
          }
        } catch (NoClassDefFoundError e) {
          String missing = String.valueOf(e.getMessage()).replace('/', '.');
          problems.add(missing.equals(ResolvedMigration.SPARK_MIGRATION)
              ? "Cannot load migration class " + className + " of " + entry.table() + ": it implements "
                  + missing + ", which is not on the class path: add dev.lake:lake-spark to the "
                  + "lake-maven-plugin's <dependencies>"
              : "Cannot load migration class " + className + " of " + entry.table() + ": it needs " + missing
                  + ", which is not on the class path");
        } catch (ClassNotFoundException | LinkageError e) {
          problems.add("Cannot load migration class " + className + " of " + entry.table()
              + " (listed in the index but not compiled; run 'mvn compile')");
        } catch (LakeException | IllegalArgumentException e) {
          problems.add(e.getMessage());
        }
      }
      migrations.sort(Comparator.comparingInt(m -> m.step().number()));
      Optional<FormatRules> rules = FormatRules.of(entry.format());
      if (rules.isEmpty()) {
        problems.add(entry.table() + " has format '" + entry.format() + "', which this version of Lake does not know ("
            + "known: " + String.join(", ", FormatRules.knownFormats()) + ")");
        continue;
      }
      try {
        History history = History.of(entry.table(), migrations.stream().map(ResolvedMigration::step).toList(),
            rules.get());
        history.replay();
        if (entry.enabled()) {
          tables.put(entry.table(), new ResolvedTable(entry.table(), migrations, history, entry.model()));
        }
      } catch (StepException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new LakeException("Broken migration history:\n  " + String.join("\n  ", problems));
    }
    return tables;
  }

  /** Reads one compiled migration class. */
  public static ResolvedMigration migration(Class<?> type) {
    Migration migration = type.getAnnotation(Migration.class);
    if (migration == null) {
      throw new LakeException(type.getName() + " is not annotated @Migration");
    }
    if (!LakeMigration.class.isAssignableFrom(type)) {
      throw new LakeException(type.getName() + " must implement " + LakeMigration.class.getName());
    }
    TableName table;
    try {
      table = TableName.parse(migration.table());
    } catch (IllegalArgumentException e) {
      throw new LakeException(type.getName() + ": " + e.getMessage());
    }
    List<Change> changes = new ArrayList<>();
    for (Annotation annotation : type.getAnnotations()) {
      try {
        changes.addAll(Changes.of(annotation));
      } catch (IllegalArgumentException e) {
        throw new LakeException(type.getName() + " (step " + migration.step() + " of " + table + "): "
            + e.getMessage());
      }
    }
    List<SqlStatement> sql = new ArrayList<>();
    for (Sql statement : type.getAnnotationsByType(Sql.class)) {
      try {
        sql.add(new SqlStatement(statement.value()));
      } catch (IllegalArgumentException e) {
        throw new LakeException(type.getName() + " (step " + migration.step() + " of " + table + "): "
            + e.getMessage());
      }
    }
    Step step;
    try {
      step = Step.of(table, migration.step(), changes, sql);
    } catch (StepException e) {
      throw new LakeException(e.getMessage() + " (in " + type.getName() + ")");
    }
    return new ResolvedMigration(step, type.getName(), migration.description(), migration.author(),
        migration.reason(), migration.destructive(), overridesApply(type), implementsSparkMigration(type));
  }

  /** By name: the interface lives in lake-spark, which the core does not know. */
  private static boolean implementsSparkMigration(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Class<?> implemented : c.getInterfaces()) {
        if (implemented.getName().equals(ResolvedMigration.SPARK_MIGRATION)
            || implementsSparkMigration(implemented)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overridesApply(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        c.getDeclaredMethod("apply", MigrationContext.class);
        return true;
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    return false;
  }
}
