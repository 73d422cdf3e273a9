package dev.lake.core.engine;

/**
 * What {@link Engine#migrate} does.
 *
 * @param dryRun plan only: print each pending step, commit nothing
 * @param target the last step to apply, or -1 for every step
 * @param tables which tables (see {@link TableFilter})
 * @param threads how many tables to migrate at once (steps of one table always go in order)
 * @param allowDestructive apply steps that drop columns even when not marked destructive
 * @param schemaOnly apply the schema changes of steps with data work as if they had none, running no data
 *     work: for checking a history on a throwaway catalog ({@code lake:check}), never for a real one
 */
public record MigrateOptions(boolean dryRun, int target, TableFilter tables, int threads, boolean allowDestructive,
    boolean schemaOnly) {

  public static MigrateOptions defaults() {
    return new MigrateOptions(false, -1, TableFilter.parse(null), 1, false, false);
  }

  public MigrateOptions {
    if (threads < 1) {
      throw new LakeException("Invalid number of threads: " + threads + " (use 1 or more)");
    }
    if (target < -1) {
      throw new LakeException("Invalid target step: " + target + " (use 0 or more)");
    }
  }

  public MigrateOptions withDryRun(boolean value) {
    return new MigrateOptions(value, target, tables, threads, allowDestructive, schemaOnly);
  }

  public MigrateOptions withTarget(int value) {
    return new MigrateOptions(dryRun, value, tables, threads, allowDestructive, schemaOnly);
  }

  public MigrateOptions withTables(String globs) {
    return new MigrateOptions(dryRun, target, TableFilter.parse(globs), threads, allowDestructive, schemaOnly);
  }

  public MigrateOptions withThreads(int value) {
    return new MigrateOptions(dryRun, target, tables, value, allowDestructive, schemaOnly);
  }

  public MigrateOptions withAllowDestructive(boolean value) {
    return new MigrateOptions(dryRun, target, tables, threads, value, schemaOnly);
  }

  public MigrateOptions withSchemaOnly(boolean value) {
    return new MigrateOptions(dryRun, target, tables, threads, allowDestructive, value);
  }
}
