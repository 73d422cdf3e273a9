package dev.lake.core.engine;

import dev.lake.annotations.LakeMigration;
import dev.lake.core.change.Step;

/**
 * One migration class as compiled: its step and metadata.
 *
 * @param step the step, with its canonical changes
 * @param className the migration class
 * @param description what it does
 * @param author who wrote it
 * @param reason why
 * @param markedDestructive whether {@code @Migration(destructive = true)}
 * @param hasCode whether the class overrides {@link LakeMigration#apply}
 * @param sparkCode whether the class implements {@value #SPARK_MIGRATION}: data work in code, run
 *     on Spark
 * @param checksum the step's checksum, computed once (every goal compares it with the recorded ones);
 *     null to compute it
 */
public record ResolvedMigration(Step step, String className, String description, String author, String reason,
    boolean markedDestructive, boolean hasCode, boolean sparkCode, String checksum) {
  /** The interface of migrations whose data work is Spark code (in {@code lake-spark}). */
  public static final String SPARK_MIGRATION = "dev.lake.spark.SparkMigration";

  public ResolvedMigration {
    String computed = step.checksum();
    if (checksum != null && !checksum.equals(computed)) {
      throw new IllegalArgumentException("Checksum " + checksum + " is not that of step " + step.number() + " of "
          + step.table() + " (" + computed + ")");
    }
    checksum = computed;
  }

  public ResolvedMigration(Step step, String className, String description, String author, String reason,
      boolean markedDestructive, boolean hasCode, boolean sparkCode) {
    this(step, className, description, author, reason, markedDestructive, hasCode, sparkCode, null);
  }

  /** A migration without Spark code. */
  public ResolvedMigration(Step step, String className, String description, String author, String reason,
      boolean markedDestructive, boolean hasCode) {
    this(step, className, description, author, reason, markedDestructive, hasCode, false);
  }

  /**
   * A new instance of the migration class {@code className}, through its constructor without
   * parameters (which may be private), as {@code type}.
   *
   * @throws ClassCastException when the class is not a {@code type}
   */
  public static <M extends LakeMigration> M instantiate(String className, ClassLoader loader, Class<M> type)
      throws ReflectiveOperationException {
    var constructor = Class.forName(className, true, loader).getDeclaredConstructor();
    constructor.setAccessible(true);
    return type.cast(constructor.newInstance());
  }

  /** Whether the step has data work: {@code @Sql} statements or Spark code. */
  public boolean hasData() {
    return step.hasSql() || sparkCode;
  }

  /** A new instance of the migration class, to run its {@code apply} hook. */
  public LakeMigration instantiate(ClassLoader loader) {
    try {
      return instantiate(className, loader, LakeMigration.class);
    } catch (ReflectiveOperationException e) {
      throw new LakeException("Cannot create migration " + className + " (step " + step.number() + " of "
          + step.table() + "): it needs a constructor without parameters", e);
    }
  }
}
