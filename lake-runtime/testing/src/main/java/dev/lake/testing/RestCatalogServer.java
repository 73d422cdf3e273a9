package dev.lake.testing;

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
 * an SQLite file and a local warehouse in one directory. Its class path is resolved by lake-testing's
 * build into a resource beside this class. One server runs at a time: asking for another directory's stops
 * the previous one, and the JVM stops the last one when it exits.
 */
public final class RestCatalogServer {
  /** The server's class path, a resource that lake-testing's build writes. */
  private static final String CLASS_PATH = "rest-server.classpath";

  /** The server's class path, as the build resolved it. */
  public static String classPath() throws IOException {
    try (var in = RestCatalogServer.class.getResourceAsStream(CLASS_PATH)) {
      if (in == null) {
        throw new IllegalStateException(CLASS_PATH + " is missing: lake-testing's build writes it "
            + "(maven-invoker-plugin, execution rest-server-class-path); build lake-testing with Maven");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    }
  }

  private static final PerDirectory<RestCatalogServer> RUNNING = new PerDirectory<>(dir -> {
    RestCatalogServer server = new RestCatalogServer(dir, freePort());
    server.start();
    return server;
  }, RestCatalogServer::stop);

  private final Path directory;
  private final int port;
  private Process process;

  private RestCatalogServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** The server for {@code directory}, started on first use. */
  public static RestCatalogServer forDirectory(Path directory) {
    return RUNNING.get(directory);
  }

  public String uri() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Client properties for Lake: a REST catalog at this server. */
  public Map<String, String> clientProperties() {
    return Map.of("type", "rest", "uri", uri());
  }

  /** Starts the server (again, on the same port and files). */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      Files.createDirectories(directory);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", classPath(),
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
  public synchronized void stop() {
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

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
