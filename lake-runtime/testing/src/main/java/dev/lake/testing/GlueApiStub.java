package dev.lake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A small local server that speaks the part of the AWS Glue JSON API that Iceberg's {@code GlueCatalog}
 * uses: databases (create, get, list) and tables (create, get, list, update, delete), with Glue's
 * optimistic locking: an update names the table version it read ({@code VersionId}) and fails with
 * {@code ConcurrentModificationException} when another update came first. State lives in memory.
 * Requests can be slowed down, to show that a slow catalog does not hang a run.
 */
public final class GlueApiStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, ObjectNode> databases = new TreeMap<>();
  private final Map<String, ObjectNode> tables = new TreeMap<>();
  private final List<String> requests = new ArrayList<>();
  private volatile long delayMillis;

  public GlueApiStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Lake's properties for a Glue catalog on this stub, with a local warehouse. */
  public Map<String, String> clientProperties(Path warehouse) {
    Map<String, String> properties = new HashMap<>();
    properties.put("type", "glue");
    properties.put("glue.endpoint", endpoint());
    properties.put("client.region", "us-east-1");
    properties.put("client.credentials-provider", "software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider");
    properties.put("warehouse", warehouse.toUri().toString());
    properties.put("io-impl", "org.apache.iceberg.hadoop.HadoopFileIO");
    return properties;
  }

  /** Every later request waits this long before it is answered. */
  public void delay(long millis) {
    this.delayMillis = millis;
  }

  /** The operations received so far ({@code GetTable}, {@code UpdateTable}, ...). */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
      synchronized (this) {
        requests.add(operation);
      }
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      Object response;
      synchronized (this) {
        response = answer(operation, request);
      }
      if (response instanceof GlueError error) {
        send(exchange, 400, error.type, JSON.createObjectNode().put("__type", error.type)
            .put("Message", error.message));
      } else {
        send(exchange, 200, null, (JsonNode) response);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record GlueError(String type, String message) {}

  private Object answer(String operation, JsonNode request) {
    ObjectNode empty = JSON.createObjectNode();
    switch (operation) {
      case "CreateDatabase": {
        ObjectNode input = (ObjectNode) request.get("DatabaseInput");
        String name = input.get("Name").asText();
        if (databases.containsKey(name)) {
          return new GlueError("AlreadyExistsException", "Database already exists: " + name);
        }
        databases.put(name, input.deepCopy());
        return empty;
      }
      case "GetDatabase": {
        ObjectNode database = databases.get(request.get("Name").asText());
        return database == null ? new GlueError("EntityNotFoundException", "Database not found")
            : empty.set("Database", database);
      }
      case "GetDatabases": {
        ArrayNode list = empty.putArray("DatabaseList");
        databases.values().forEach(list::add);
        return empty;
      }
      case "GetTable": {
        ObjectNode table = tables.get(key(request.get("DatabaseName").asText(), request.get("Name").asText()));
        return table == null ? new GlueError("EntityNotFoundException", "Table not found") : empty.set("Table", table);
      }
      case "GetTables": {
        ArrayNode list = empty.putArray("TableList");
        String prefix = request.get("DatabaseName").asText() + ".";
        tables.forEach((key, table) -> {
          if (key.startsWith(prefix)) {
            list.add(table);
          }
        });
        return empty;
      }
      case "CreateTable": {
        String database = request.get("DatabaseName").asText();
        if (!databases.containsKey(database)) {
          return new GlueError("EntityNotFoundException", "Database not found: " + database);
        }
        ObjectNode table = ((ObjectNode) request.get("TableInput")).deepCopy();
        String key = key(database, table.get("Name").asText());
        if (tables.containsKey(key)) {
          return new GlueError("AlreadyExistsException", "Table already exists: " + key);
        }
        table.put("DatabaseName", database).put("VersionId", "1");
        tables.put(key, table);
        return empty;
      }
      case "UpdateTable": {
        String database = request.get("DatabaseName").asText();
        ObjectNode input = ((ObjectNode) request.get("TableInput")).deepCopy();
        String key = key(database, input.get("Name").asText());
        ObjectNode current = tables.get(key);
        if (current == null) {
          return new GlueError("EntityNotFoundException", "Table not found: " + key);
        }
        JsonNode version = request.get("VersionId");
        if (version != null && !version.asText().equals(current.get("VersionId").asText())) {
          return new GlueError("ConcurrentModificationException", "Update table failed due to concurrent "
              + "modifications: version " + version.asText() + " is not " + current.get("VersionId").asText());
        }
        input.put("DatabaseName", database)
            .put("VersionId", String.valueOf(Long.parseLong(current.get("VersionId").asText()) + 1));
        tables.put(key, input);
        return empty;
      }
      case "DeleteTable": {
        return tables.remove(key(request.get("DatabaseName").asText(), request.get("Name").asText())) == null
            ? new GlueError("EntityNotFoundException", "Table not found") : empty;
      }
      default:
        return new GlueError("InvalidInputException", "The Glue stub does not implement " + operation);
    }
  }

  private static String key(String database, String table) {
    return database + "." + table;
  }

  private static void send(HttpExchange exchange, int status, String errorType, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    if (errorType != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
