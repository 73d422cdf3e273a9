package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.TableFormat;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies pending migration steps to the selected catalog, one atomic commit per step; adopts (records
 * without changing the table) steps whose result the table already has. Bound to
 * {@code pre-integration-test} by default, so that an execution in a project's build migrates its
 * test catalog before the integration tests read it.
 */
@Mojo(name = "migrate", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends CatalogMojo {
  /** Print the plan (each step's changes) and commit nothing. */
  @Parameter(property = "lake.dryRun")
  String dryRun;

  /** The last step to apply; every step by default. */
  @Parameter(property = "lake.target")
  String target;

  /** How many tables to migrate at once; the steps of one table always go in order. */
  @Parameter(property = "lake.threads")
  String threads;

  /** Apply steps that drop columns even when not marked {@code destructive = true}. */
  @Parameter(property = "lake.allowDestructive")
  String allowDestructive;

  @Override
  boolean runsDataSteps() {
    return true;
  }

  @Override
  void run(Engine engine, TableFormat<?> format) throws MojoFailureException {
    boolean dryRun = Parameters.flag("lake.dryRun", this.dryRun);
    MigrateOptions options = MigrateOptions.defaults().withDryRun(dryRun)
        .withTarget(Parameters.number("lake.target", target, 0, -1)).withTables(tables)
        .withThreads(Parameters.number("lake.threads", threads, 1, 1))
        .withAllowDestructive(Parameters.flag("lake.allowDestructive", allowDestructive));
    MigrateResult result = engine.migrate(options, step -> getLog().info(step.adopted()
        ? String.format("Adopted %s step %d (%s): the table already had its result; recorded without changing it",
            step.table(), step.step(), step.description())
        : String.format("Applied %s step %d (%s) in %d ms%s", step.table(), step.step(), step.description(),
            step.took().toMillis(), step.data() == null ? "" : ", with its data: " + step.data())));
    for (MigrateResult.Planned step : result.planned()) {
      getLog().info("Would " + (step.adopted() ? "adopt" : "apply") + " " + step.table() + " step " + step.step()
          + " (" + step.description() + ")" + (step.adopted() ? ": the table already has its result" : ":"));
      if (!step.adopted()) {
        step.changes().forEach(change -> getLog().info("  " + change));
      }
    }
    getLog().info((dryRun ? "Dry run on " : "Migrated ") + format.catalog() + ": " + (dryRun
        ? result.planned().size() + " step(s) pending" : result.applied().size() + " step(s) applied")
        + (result.failures().isEmpty() ? "" : ", " + result.failures().size() + " table(s) failed"));
    if (!result.success()) {
      throw failure(String.join("\n", result.messages().values()));
    }
  }
}
