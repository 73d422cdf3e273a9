package dev.lake.iceberg;

import dev.lake.testing.RestCatalogServer;
import dev.lake.testing.Workload;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableStatus;
import dev.lake.core.model.TableName;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * Lake's cost against the limit, printed side by side in one run (not a test):
 *
 * <ol>
 *   <li>migrate of {@code tables} x {@code steps} on the embedded catalog, against a baseline that makes
 *       the same Iceberg commits directly through Iceberg's API in this JVM;
 *   <li>the same workload with 1, 2, 4 and 8 threads against the REST catalog server process;
 *   <li>status over {@code statusTables} tables: time, and table loads per table;
 *   <li>peak heap of migrate.
 * </ol>
 *
 * <p>Arguments: {@code tables steps statusTables rounds}, by default {@code 200 10 1000 3}.
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int statusTables = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path root = Files.createTempDirectory("lake-bench");
    Map<TableName, ResolvedTable> workload = Workload.of(tables, steps);
    System.out.printf(Locale.ROOT, "Lake engine benchmark: %d tables x %d steps, %d cores, Java %s%n", tables, steps,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    // Warm-up: both sides on a small workload, so that the measured rounds run compiled code.
    Map<TableName, ResolvedTable> warm = Workload.of(20, steps);
    for (int i = 0; i < 2; i++) {
      baseline(root.resolve("warm-b" + i), warm.size(), steps);
      lake(root.resolve("warm-l" + i), warm, 1);
    }

    System.out.println();
    System.out.println("1. Engine overhead, embedded catalog (JDBC on SQLite), 1 thread");
    double[] baseline = new double[rounds];
    double[] lake = new double[rounds];
    long lakePeak = 0;
    for (int round = 0; round < rounds; round++) {
      baseline[round] = baseline(root.resolve("baseline-" + round), tables, steps);
      resetPeaks();
      lake[round] = lake(root.resolve("lake-" + round), workload, 1);
      lakePeak = Math.max(lakePeak, peakHeap());
      System.out.printf(Locale.ROOT, "   round %d: Iceberg API %.2f s, Lake %.2f s, ratio %.3f%n", round + 1,
          baseline[round], lake[round], lake[round] / baseline[round]);
    }
    double b = median(baseline);
    double l = median(lake);
    System.out.printf(Locale.ROOT, "   median: Iceberg API %.2f s (%.2f ms/step), Lake %.2f s (%.2f ms/step), "
        + "ratio %.3f (target <= 1.10)%n", b, 1000 * b / (tables * steps), l, 1000 * l / (tables * steps), l / b);

    System.out.println();
    System.out.println("2. Parallel tables, REST catalog server process");
    double single = 0;
    for (int threads : new int[] {1, 2, 4, 8}) {
      RestCatalogServer server = RestCatalogServer.forDirectory(root.resolve("rest-" + threads));
      double seconds;
      try (IcebergTableFormat format = IcebergCatalogs.open("bench", server.clientProperties())) {
        seconds = time(() -> check(engine(format, workload).migrate(MigrateOptions.defaults().withThreads(threads)),
            tables * steps));
      }
      server.stop();
      single = threads == 1 ? seconds : single;
      System.out.printf(Locale.ROOT, "   %d thread%s: %.2f s, %.0f steps/s, speed-up %.2f%n", threads,
          threads == 1 ? " " : "s", seconds, tables * steps / seconds, single / seconds);
    }

    System.out.println();
    System.out.printf(Locale.ROOT, "3. Status over %d tables, embedded catalog%n", statusTables);
    Map<TableName, ResolvedTable> many = Workload.of(statusTables, 2);
    Path statusDir = root.resolve("status");
    lake(statusDir, many, 2);
    try (IcebergTableFormat plain = IcebergCatalogs.embedded("bench", statusDir)) {
      CountingCatalog counting = new CountingCatalog(plain.icebergCatalog());
      IcebergTableFormat format = new IcebergTableFormat(plain.catalog(), counting);
      engine(format, many).status(TableFilter.parse(null));
      counting.loads.set(0);
      resetPeaks();
      List<TableStatus> status = new ArrayList<>();
      double seconds = time(() -> status.addAll(engine(format, many).status(TableFilter.parse(null))));
      System.out.printf(Locale.ROOT, "   %.2f s (%.2f ms/table), %.2f table loads per table, peak heap %d MiB%n",
          seconds, 1000 * seconds / statusTables, counting.loads.get() / (double) statusTables, peakHeap() >> 20);
      if (status.size() != statusTables || status.stream().anyMatch(s -> !s.problems().isEmpty())) {
        throw new IllegalStateException("status found problems: " + status);
      }
    }

    System.out.println();
    System.out.println("4. Memory");
    System.out.printf(Locale.ROOT, "   peak heap of migrate (%d tables x %d steps): %d MiB (max heap %d MiB)%n", tables,
        steps, lakePeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    try (var paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static Engine engine(IcebergTableFormat format, Map<TableName, ResolvedTable> workload) {
    return new Engine(format, workload, EngineBenchmark.class.getClassLoader(), Clock.systemUTC(), "bench");
  }

  private static double lake(Path dir, Map<TableName, ResolvedTable> workload, int threads) {
    try (IcebergTableFormat format = IcebergCatalogs.embedded("bench", dir)) {
      Engine engine = engine(format, workload);
      int steps = workload.values().stream().mapToInt(t -> t.lastStep() + 1).sum();
      return time(() -> check(engine.migrate(MigrateOptions.defaults().withThreads(threads)), steps));
    }
  }

  /**
   * The same commits as Lake makes for the {@link Workload}, straight through Iceberg's API: one
   * transaction per step, with the same schema, spec and property changes and the same state
   * properties, read and written in the table.
   */
  private static double baseline(Path dir, int tables, int steps) {
    try (IcebergTableFormat format = IcebergCatalogs.embedded("bench", dir)) {
      Catalog catalog = format.icebergCatalog();
      ((SupportsNamespaces) catalog).createNamespace(Namespace.of("race"));
      return time(() -> {
        for (int t = 0; t < tables; t++) {
          TableIdentifier id = TableIdentifier.of("race", "t" + t);
          List<String> checksums = new ArrayList<>();
          for (int s = 0; s < steps; s++) {
            checksums.add(String.format(Locale.ROOT, "%016x", (long) t * 1000 + s));
            Map<String, String> state = new HashMap<>();
            state.put(AppliedState.STEP, String.valueOf(s));
            state.put(AppliedState.CHECKSUMS, String.join(",", checksums));
            state.put(AppliedState.APPLIED_AT, Instant.now().toString());
            state.put(AppliedState.APPLIED_BY, "bench");
            if (s == 0) {
              Schema schema = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()),
                  Types.NestedField.optional(2, "c0", Types.IntegerType.get()));
              catalog.buildTable(id, schema).withPartitionSpec(PartitionSpec.builderFor(schema).bucket("id", 4).build())
                  .withProperties(state).createTransaction().commitTransaction();
              continue;
            }
            Table table = catalog.loadTable(id);
            if (!String.valueOf(s - 1).equals(table.properties().get(AppliedState.STEP))) {
              throw new IllegalStateException("unexpected state of " + id);
            }
            Transaction transaction = table.newTransaction();
            if (s % 4 != 3) {
              int previous = s - 1 == 0 || (s - 1) % 4 != 3 ? s - 1 : s - 2;
              transaction.updateSchema().updateColumn("c" + previous, Types.LongType.get()).commit();
              transaction.updateSchema().addColumn("c" + s, Types.IntegerType.get()).commit();
            }
            var properties = transaction.updateProperties().set("step.marker", String.valueOf(s));
            state.forEach(properties::set);
            properties.commit();
            transaction.commitTransaction();
          }
        }
      });
    }
  }

  private static void check(MigrateResult result, int steps) {
    if (!result.success() || result.applied().size() != steps) {
      throw new IllegalStateException("migrate did not apply " + steps + " steps: " + result.applied().size()
          + " applied, failures " + result.failures());
    }
  }

  private static double time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
