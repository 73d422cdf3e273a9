package dev.lake.iceberg;

import dev.lake.testing.Workload;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Migrates the {@link Workload} on the embedded catalog in a directory, as a separate JVM would run
 * {@code lake:migrate}. Prints {@code applied TABLE STEP} as each step lands, then
 * {@code applied=N failures=M}, and exits 0 on success.
 */
public final class MigrateMain {
  private MigrateMain() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    int tables = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    try (IcebergTableFormat format = IcebergCatalogs.embedded("race", directory)) {
      Engine engine = new Engine(format, Workload.of(tables, steps), MigrateMain.class.getClassLoader(),
          Clock.systemUTC(), "process-" + ProcessHandle.current().pid());
      MigrateResult result = engine.migrate(MigrateOptions.defaults().withThreads(threads), applied -> {
        synchronized (System.out) {
          System.out.println("applied " + applied.table() + " " + applied.step());
          System.out.flush();
        }
      });
      System.out.println("applied=" + result.applied().size() + " failures=" + result.failures().size());
      result.failures().forEach((table, message) -> System.out.println("failure " + table + ": " + message));
      System.exit(result.success() ? 0 : 1);
    }
  }
}
