package dev.lake.spark;

import dev.lake.core.engine.DataWork;
import dev.lake.core.engine.LakeException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The JVM that {@link ForkedSparkRunner} starts: one Spark session for the whole run, one line of
 * {@link WorkJson} in per attempt at a step's data work, one line out with its outcome. Standard output
 * carries nothing else: whatever Spark prints goes to standard error.
 *
 * <p>Arguments: the Spark master, or a Spark Connect URL ({@code sc://host:port}) and the name of the
 * server's Iceberg catalog; then {@code key=value} Spark settings.
 */
public final class SparkWorker {
  private SparkWorker() {}

  public static void main(String[] args) throws Exception {
    PrintStream replies = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    boolean remote = args[0].startsWith("sc://");
    Map<String, String> conf = new LinkedHashMap<>();
    for (int i = remote ? 2 : 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      conf.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    SparkSession spark;
    SparkDataRunner runner;
    if (remote) {
      SparkSession.Builder builder = SparkSession.builder().config("spark.api.mode", "connect").remote(args[0]);
      conf.forEach(builder::config);
      spark = builder.getOrCreate();
      runner = new SparkDataRunner(spark, SparkWorker.class.getClassLoader(), args[1]);
    } else {
      spark = EmbeddedSpark.builder(args[0], conf).getOrCreate();
      runner = new SparkDataRunner(spark, SparkWorker.class.getClassLoader());
    }
    replies.println(WorkJson.outcome(null));
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String error;
        try {
          DataWork work = WorkJson.read(line);
          runner.run(work);
          error = null;
        } catch (LakeException e) {
          error = e.getMessage();
        } catch (RuntimeException e) {
          e.printStackTrace();
          error = "The Spark worker failed: " + e;
        }
        replies.println(WorkJson.outcome(error));
      }
    } finally {
      spark.stop();
    }
  }
}
