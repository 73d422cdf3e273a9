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
 */
public record ResolvedMigration(Step step, String className, String description, String author, String reason,
    boolean markedDestructive, boolean hasCode) {

  /** A new instance of the migration class, to run its {@code apply} hook. */
  public LakeMigration instantiate(ClassLoader loader) {
    try {
      Class<?> type = Class.forName(className, true, loader);
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return (LakeMigration) constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new LakeException("Cannot create migration " + className + " (step " + step.number() + " of "
          + step.table() + "): it needs a constructor without parameters", e);
    }
  }
}
