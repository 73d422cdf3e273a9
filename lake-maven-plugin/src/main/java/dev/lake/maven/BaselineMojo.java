package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Adopts tables created outside Lake at a step, after checking that each one equals the replay of
 * steps 0 to that step; records the state only. Refuses, naming the differences, otherwise. Needs
 * {@code -Dlake.tables}: adopting every table by accident is not an option.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BaselineMojo extends CatalogMojo {
  /** The step the tables are at. */
  @Parameter(property = "lake.step")
  String step;

  @Override
  void run(Engine engine, TableFormat<?> format) throws MojoFailureException {
    if (tables == null || tables.isBlank()) {
      throw new MojoFailureException("Name the tables to adopt: -Dlake.tables=db.table (globs allowed)");
    }
    if (step == null || step.isBlank()) {
      throw new MojoFailureException("Name the step the tables are at: -Dlake.step=N (lake:status shows the steps)");
    }
    int step = Parameters.number("lake.step", this.step, 0, 0);
    for (var table : engine.baseline(TableFilter.parse(tables), step)) {
      getLog().info("Adopted " + table + " at step " + step + " in " + format.catalog());
    }
  }
}
