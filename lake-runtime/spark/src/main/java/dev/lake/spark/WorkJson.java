package dev.lake.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lake.core.change.SqlStatement;
import dev.lake.core.engine.DataWork;
import dev.lake.core.model.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Data work and its outcome as one line of JSON each, between Lake and a Spark worker JVM. */
final class WorkJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkJson() {}

  static String write(DataWork work) {
    ObjectNode node = JSON.createObjectNode()
        .put("table", work.table().toString())
        .put("step", work.step())
        .put("where", work.where())
        .put("migrationClass", work.migrationClass())
        .put("sparkCode", work.sparkCode())
        .put("branch", work.branch())
        .put("catalogName", work.catalogName());
    work.sql().forEach(statement -> node.withArray("sql").add(statement.text()));
    ObjectNode catalog = node.putObject("catalog");
    work.catalog().forEach(catalog::put);
    return node.toString();
  }

  static DataWork read(String line) throws java.io.IOException {
    JsonNode node = JSON.readTree(line);
    List<SqlStatement> sql = new ArrayList<>();
    node.path("sql").forEach(statement -> sql.add(new SqlStatement(statement.asText())));
    Map<String, String> catalog = new LinkedHashMap<>();
    node.path("catalog").fields().forEachRemaining(e -> catalog.put(e.getKey(), e.getValue().asText()));
    return new DataWork(TableName.parse(node.get("table").asText()), node.get("step").asInt(),
        node.get("where").asText(), node.get("migrationClass").asText(), sql, node.get("sparkCode").asBoolean(),
        node.get("branch").asText(), node.get("catalogName").asText(), catalog);
  }

  /** The outcome: {@code null} error for success. */
  static String outcome(String error) {
    ObjectNode node = JSON.createObjectNode();
    if (error == null) {
      node.put("ok", true);
    } else {
      node.put("error", error);
    }
    return node.toString();
  }

  /** The error of an outcome line, or null when the work succeeded. */
  static String error(String line) throws java.io.IOException {
    JsonNode node = JSON.readTree(line);
    return node.path("ok").asBoolean(false) ? null : node.path("error").asText("the Spark worker said: " + line);
  }
}
