package dev.lake.maven;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.engine.TableStatus;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints, per table: the applied step, pending steps, when and by whom, checksum state and live
 * drift. With {@code -Dlake.format=json}, one JSON document on standard output (or
 * {@code -Dlake.output=FILE}): {@code {"catalog", "tables": [{"table", "physical", "exists",
 * "appliedStep", "lastStep", "pending": [...], "undone": [...], "dataPending" (the step whose data
 * work is not published, or -1), "staging": [...] (staging branches left behind), "appliedAt",
 * "appliedBy", "problems": [...]}]}}.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends ReportMojo {
  @Override
  void run(Engine engine, TableFormat<?> table) throws MojoExecutionException, MojoFailureException {
    boolean json = Output.json(format);
    List<TableStatus> statuses = engine.status(TableFilter.parse(tables));
    if (json) {
      ObjectNode root = Output.MAPPER.createObjectNode().put("catalog", table.catalog());
      ArrayNode array = root.putArray("tables");
      for (TableStatus status : statuses) {
        ObjectNode node = array.addObject().put("table", status.table().toString())
            .put("physical", status.physical().toString()).put("exists", status.exists())
            .put("appliedStep", status.appliedStep()).put("lastStep", status.lastStep());
        status.pending().forEach(node.putArray("pending")::add);
        status.undone().forEach(node.putArray("undone")::add);
        node.put("dataPending", status.dataPending());
        status.staging().forEach(node.putArray("staging")::add);
        node.put("appliedAt", status.appliedAt()).put("appliedBy", status.appliedBy());
        status.problems().forEach(node.putArray("problems")::add);
      }
      Output.write(root, output, System.out, getLog());
      return;
    }
    getLog().info("Lake status of " + table.catalog() + ":");
    for (TableStatus status : statuses) {
      getLog().info(String.format("  %-30s applied step %s of %d, pending %s%s%s%s", status.name(),
          status.appliedStep() < 0 ? "none" : String.valueOf(status.appliedStep()), status.lastStep(),
          status.pending().isEmpty() ? "none" : status.pending(),
          status.undone().isEmpty() ? "" : " (undone " + status.undone() + ")",
          status.dataPending() < 0 ? "" : " (step " + status.dataPending() + ": schema applied, data pending)",
          status.appliedAt() == null ? "" : ", last applied " + status.appliedAt() + " by " + status.appliedBy()));
      status.problems().forEach(problem -> getLog().warn("    " + problem));
    }
  }
}
