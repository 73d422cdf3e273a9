package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Takes tables back to their state after step {@code -Dlake.target=N}, when every later step can be
 * taken back without losing data: one commit per table that sets the earlier schema, partitioning,
 * sort order and properties current again (columns keep their field ids, and get them back when
 * {@code lake:migrate} applies the steps again). Refuses, with the step and the reason, for drops,
 * type widenings, columns made optional and steps that run code. Needs {@code -Dlake.tables}.
 */
@Mojo(name = "undo", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UndoMojo extends CatalogMojo {
  /** The step to go back to. */
  @Parameter(property = "lake.target")
  String target;

  /** Check and print what would be undone; commit nothing. */
  @Parameter(property = "lake.dryRun")
  String dryRun;

  @Override
  void run(Engine engine, TableFormat<?> format) throws MojoFailureException {
    if (tables == null || tables.isBlank()) {
      throw new MojoFailureException("Name the tables to take back: -Dlake.tables=db.table (globs allowed)");
    }
    if (target == null || target.isBlank()) {
      throw new MojoFailureException("Name the step to go back to: -Dlake.target=N (lake:history shows the steps)");
    }
    int step = Parameters.number("lake.target", target, 0, 0);
    boolean plan = Parameters.flag("lake.dryRun", dryRun);
    var undone = engine.undo(TableFilter.parse(tables), step, plan);
    if (undone.isEmpty()) {
      getLog().info("Nothing to undo in " + format.catalog() + ": no selected table is beyond step " + step);
    }
    for (Engine.Undone table : undone) {
      getLog().info((plan ? "Would take " : "Took ") + table.table() + " in " + format.catalog() + " back from step "
          + table.from() + " to step " + table.to() + (plan ? " (dry run: nothing committed)"
          : "; 'mvn lake:migrate' applies the steps again"));
    }
  }
}
