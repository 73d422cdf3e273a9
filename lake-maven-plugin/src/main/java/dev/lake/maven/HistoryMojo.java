package dev.lake.maven;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.StepRecord;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.engine.TableHistory;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints one row per step and table, applied and pending (Flyway's {@code info}): its state, who ran
 * it and when, its description, author, checksum, and the reason of any repair. With
 * {@code -Dlake.format=json}, one JSON document on standard output (or {@code -Dlake.output=FILE}):
 * {@code {"catalog", "tables": [{"table", "physical", "exists", "appliedStep", "steps": [{"step",
 * "state", "migration", "description", "checksum", "event", "at", "by", "author", "reason",
 * "destructive", "repair"}]}]}}; {@code state} is {@code applied}, {@code edited}, {@code pending},
 * {@code undone} or {@code missing}.
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HistoryMojo extends ReportMojo {
  @Override
  void run(Engine engine, TableFormat<?> catalog) throws MojoExecutionException, MojoFailureException {
    boolean json = Output.json(format);
    List<TableHistory> histories = engine.history(TableFilter.parse(tables));
    if (json) {
      ObjectNode root = Output.MAPPER.createObjectNode().put("catalog", catalog.catalog());
      ArrayNode array = root.putArray("tables");
      for (TableHistory history : histories) {
        ObjectNode table = array.addObject().put("table", history.table().toString())
            .put("physical", history.physical().toString()).put("exists", history.exists())
            .put("appliedStep", history.appliedStep());
        ArrayNode steps = table.putArray("steps");
        for (TableHistory.Row row : history.rows()) {
          ObjectNode step = steps.addObject().put("step", row.step()).put("state", state(row))
              .put("migration", row.className()).put("description", row.description())
              .put("checksum", row.checksum());
          row.recorded().ifPresent(r -> step.put("event", r.event()).put("at", r.at()).put("by", r.by())
              .put("author", r.author()).put("reason", r.reason()).put("destructive", r.destructive())
              .put("repair", r.repair()));
        }
      }
      Output.write(root, output, System.out, getLog());
      return;
    }
    getLog().info("Lake history of " + catalog.catalog() + ":");
    for (TableHistory history : histories) {
      getLog().info(history.table() + (history.physical().equals(history.table()) ? ""
          : " (" + history.physical() + ")") + (history.exists() ? "" : ": the table does not exist yet"));
      getLog().info(String.format("  %4s  %-8s %-20s %-16s %-16s %s", "step", "state", "at", "by", "checksum",
          "description"));
      for (TableHistory.Row row : history.rows()) {
        StepRecord r = row.recorded().orElse(null);
        getLog().info(String.format("  %4d  %-8s %-20s %-16s %-16s %s%s%s", row.step(), state(row),
            r == null || r.at() == null ? "" : r.at().length() > 19 ? r.at().substring(0, 19) : r.at(),
            r == null || r.by() == null ? "" : r.by(), row.checksum(),
            row.description() == null ? "" : row.description(),
            r == null || StepRecord.APPLIED.equals(r.event()) || StepRecord.UNDONE.equals(r.event()) ? ""
                : " [" + r.event() + "]",
            r == null || r.repair() == null ? "" : " [repaired: " + r.repair() + "]"));
      }
    }
  }

  private static String state(TableHistory.Row row) {
    return row.state().name().toLowerCase(Locale.ROOT);
  }
}
