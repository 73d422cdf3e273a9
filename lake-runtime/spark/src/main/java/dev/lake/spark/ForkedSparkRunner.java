package dev.lake.spark;

import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.DataWork;
import dev.lake.core.engine.JvmClassPath;
import dev.lake.core.engine.LakeException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Runs data work in a JVM of its own, started on first use with the options Spark needs on this Java
 * ({@link JavaModuleOptions}) and the class path that Lake and the project's migrations run with: the
 * JVM that runs Lake (Maven's) needs none of them, and Spark's memory is its own. One worker serves the
 * whole run; it stops when the runner is closed.
 */
final class ForkedSparkRunner implements DataStepRunner {
  private final List<String> target;
  private final Map<String, String> conf;
  private final List<String> jvmOptions;
  private final ClassLoader loader;
  private final Path log;
  private Process worker;
  private Writer requests;
  private BufferedReader replies;

  /**
   * @param target the master, or a Spark Connect URL and the server's Iceberg catalog (see {@link SparkWorker})
   */
  ForkedSparkRunner(List<String> target, Map<String, String> conf, List<String> jvmOptions, ClassLoader loader,
      Path log) {
    this.target = List.copyOf(target);
    this.conf = Map.copyOf(conf);
    this.jvmOptions = List.copyOf(jvmOptions);
    this.loader = loader;
    this.log = log;
  }

  @Override
  public synchronized void start() {
    if (worker != null) {
      return;
    }
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    command.addAll(jvmOptions);
    command.add("-cp");
    List<String> classPath = JvmClassPath.of(loader);
    if (target.get(0).startsWith("sc://")) {
      // The Spark Connect client has classes of the same names as Spark's own, built for its shaded
      // Arrow and gRPC: for a remote session, its come first.
      List<String> client = classPath.stream().filter(e -> e.contains(CONNECT_CLIENT)).toList();
      classPath.removeAll(client);
      classPath.addAll(0, client);
    }
    command.add(String.join(File.pathSeparator, classPath));
    command.add(SparkWorker.class.getName());
    command.addAll(target);
    conf.forEach((key, value) -> command.add(key + "=" + value));
    try {
      worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      requests = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8);
      replies = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
      String ready = replies.readLine();
      if (ready == null || WorkJson.error(ready) != null) {
        throw new LakeException("Cannot start Spark (" + target.get(0) + "): the worker stopped" + exit()
            + "; its log is " + log);
      }
    } catch (IOException e) {
      close();
      throw new LakeException("Cannot start Spark (" + target.get(0) + "): " + e.getMessage() + "; its log is " + log,
          e);
    } catch (LakeException e) {
      close();
      throw e;
    }
  }

  @Override
  public synchronized void run(DataWork work) {
    start();
    String reply;
    try {
      requests.write(WorkJson.write(work));
      requests.write('\n');
      requests.flush();
      reply = replies.readLine();
    } catch (IOException e) {
      reply = null;
    }
    try {
      if (reply == null) {
        String exit = exit();
        close();
        throw new LakeException("Cannot apply " + work.where() + ": the Spark worker stopped" + exit + " while it ran "
            + work.migrationClass() + "; its log is " + log);
      }
      String error = WorkJson.error(reply);
      if (error != null) {
        throw new LakeException(error);
      }
    } catch (IOException e) {
      throw new LakeException("Cannot apply " + work.where() + ": unreadable reply from the Spark worker: " + reply, e);
    }
  }

  private String exit() {
    try {
      return worker.waitFor(10, TimeUnit.SECONDS) ? " (exit code " + worker.exitValue() + ")" : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  @Override
  public synchronized void close() {
    if (worker == null) {
      return;
    }
    try {
      requests.close();
      if (!worker.waitFor(60, TimeUnit.SECONDS)) {
        worker.destroyForcibly();
      }
    } catch (IOException e) {
      worker.destroyForcibly();
    } catch (InterruptedException e) {
      worker.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      worker = null;
    }
  }

  /** The Spark Connect client's jar, by name. */
  static final String CONNECT_CLIENT = "spark-connect-client-jvm";

}
