package dev.lake.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Iceberg's REST catalog server (from Iceberg's test fixtures) as its own process on 127.0.0.1, backed by
 * an SQLite file and a local warehouse in one directory. Its class path is resolved by the build into
 * {@code target/rest-server.classpath}. One server runs at a time: asking for another directory's stops
 * the previous one, and the JVM stops the last one when it exits.
 */
final class RestServer {
  /** Beside the test classes, so that it is found from any working directory (exec:java runs in the root). */
  private static final Path CLASS_PATH = classPathFile();

  private static Path classPathFile() {
    try {
      return Path.of(RestServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolveSibling("rest-server.classpath");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final PerDirectory<RestServer> RUNNING = new PerDirectory<>(dir -> {
    RestServer server = new RestServer(dir, freePort());
    server.start();
    return server;
  }, RestServer::stop);

  private final Path directory;
  private final int port;
  private Process process;

  private RestServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** The server for {@code directory}, started on first use. */
  static RestServer forDirectory(Path directory) {
    return RUNNING.get(directory);
  }

  String uri() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Client properties for Lake: a REST catalog at this server. */
  Map<String, String> clientProperties() {
    return Map.of("type", "rest", "uri", uri());
  }

  /** Starts the server (again, on the same port and files). */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      Files.createDirectories(directory);
      if (!Files.exists(CLASS_PATH)) {
        throw new IllegalStateException(CLASS_PATH + " is missing: the build writes it before the tests "
            + "(maven-invoker-plugin, execution rest-server-class-path); run the tests with Maven");
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", Files.readString(CLASS_PATH).strip(),
          "org.apache.iceberg.rest.RESTCatalogServer");
      builder.environment().put("CATALOG_URI",
          "jdbc:sqlite:" + directory.resolve("rest-catalog.db") + "?busy_timeout=30000");
      builder.environment().put("CATALOG_WAREHOUSE", directory.resolve("rest-warehouse").toUri().toString());
      builder.environment().put("CATALOG_REST_PORT", String.valueOf(port));
      builder.redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("rest-server.log").toFile()));
      process = builder.start();
      awaitReady();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server process and waits for it to end. */
  synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpURLConnection connection = (HttpURLConnection) URI.create(uri() + "v1/config").toURL().openConnection();
        connection.setConnectTimeout(1000);
        connection.setReadTimeout(5000);
        if (connection.getResponseCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    String log = Files.readString(directory.resolve("rest-server.log"));
    throw new IllegalStateException("The REST catalog server did not start on port " + port + ":\n" + log);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
