package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableStatus;
import dev.lake.core.engine.TableFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Prints, per table: the applied step, pending steps, when and by whom, checksum state and live drift. */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends CatalogMojo {







  /** {@code text} for people, {@code json} for tools (one JSON document on one line). */
  @Parameter(property = "lake.format", defaultValue = "text")
  String format;


  private static String json(String catalog, List<TableStatus> statuses) throws MojoExecutionException {
    ObjectNode root = MAPPER.createObjectNode().put("catalog", catalog);
    ArrayNode tables = root.putArray("tables");
    for (TableStatus status : statuses) {
      ObjectNode table = tables.addObject().put("table", status.table().toString()).put("exists", status.exists())
          .put("appliedStep", status.appliedStep()).put("lastStep", status.lastStep())
          .put("appliedAt", status.appliedAt()).put("appliedBy", status.appliedBy());
      status.pending().forEach(table.putArray("pending")::add);
      status.problems().forEach(table.putArray("problems")::add);
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new MojoExecutionException("Cannot write the status as JSON", e);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  void run(Engine engine, TableFormat<?> table) throws MojoExecutionException, MojoFailureException {
    if (!"json".equalsIgnoreCase(format) && !"text".equalsIgnoreCase(format)) {
      throw new MojoFailureException("Invalid -Dlake.format=" + format + " (use text or json)");
    }
    List<TableStatus> statuses = engine.status(TableFilter.parse(tables));
    if ("json".equalsIgnoreCase(format)) {
      getLog().info(json(table.catalog(), statuses));
      return;
    }
    getLog().info("Lake status of " + table.catalog() + ":");
    for (TableStatus status : statuses) {
      getLog().info(String.format("  %-30s applied step %s of %d, pending %s%s", status.table(),
          status.appliedStep() < 0 ? "none" : String.valueOf(status.appliedStep()), status.lastStep(),
          status.pending().isEmpty() ? "none" : status.pending(),
          status.appliedAt() == null ? "" : ", last applied " + status.appliedAt() + " by " + status.appliedBy()));
      status.problems().forEach(problem -> getLog().warn("    " + problem));
    }
  }
}
