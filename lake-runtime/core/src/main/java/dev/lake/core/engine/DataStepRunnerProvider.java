package dev.lake.core.engine;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens {@link DataStepRunner}s: a module that runs data steps ({@code lake-spark}) lists its provider
 * in {@code META-INF/services/dev.lake.core.engine.DataStepRunnerProvider}, and adding it to the
 * plugin's dependencies makes data steps runnable.
 */
public interface DataStepRunnerProvider {

  /**
   * Opens a runner.
   *
   * @param options the run's options ({@code lake.spark.*})
   * @param loader sees the project's compiled classes, the migrations among them
   * @throws LakeException when an option is invalid
   */
  DataStepRunner open(Map<String, String> options, ClassLoader loader);

  /** The first provider {@code loader} sees, if any. */
  static Optional<DataStepRunnerProvider> find(ClassLoader loader) {
    return ServiceLoader.load(DataStepRunnerProvider.class, loader).findFirst();
  }

  /**
   * Opens a runner through the first provider {@code loader} sees.
   *
   * @throws LakeException when there is none, saying which module to add
   */
  static DataStepRunner open(Map<String, String> options, ClassLoader loader, String why) {
    return find(loader).orElseThrow(() -> new LakeException(why + ": no data step runner is available. Add "
        + "dev.lake:lake-spark to the lake-maven-plugin's <dependencies>")).open(options, loader);
  }
}
