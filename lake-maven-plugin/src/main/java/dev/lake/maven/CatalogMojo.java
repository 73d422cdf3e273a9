package dev.lake.maven;

import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.TableFormat;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters and steps shared by the goals that work on a catalog: the project's compiled
 * migrations, the selected catalog, an engine; messages masked, the format's resources released at the end.
 */
abstract class CatalogMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The catalog, by name; the first configured one, or the embedded catalog, by default. */
  @Parameter(property = "lake.catalog")
  String catalog;

  /** Named catalogs, each of one table format. With none, the embedded catalog is used. */
  @Parameter
  List<Catalog> catalogs;

  /** Where the embedded catalog keeps its SQLite file and warehouse. */
  @Parameter(property = "lake.embeddedDirectory", defaultValue = "${project.basedir}/.lake")
  File embeddedDirectory;

  /** Which tables, as comma-separated globs; all by default. */
  @Parameter(property = "lake.tables")
  String tables;

  /** Skip this goal. */
  @Parameter(property = "lake.skip")
  String skip;

  /** Who runs the goal, as each step's history records it: the CI's actor, git's user.name or the OS user by default. */
  @Parameter(property = "lake.user")
  String user;

  /** Let the table format's own INFO logging through (Iceberg's, Hadoop's, Delta Kernel's). */
  @Parameter(property = "lake.verbose")
  String verbose;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Component
  SettingsDecrypter decrypter;

  /** Whether the goal commits, and so records who ran it (asking git costs a process start). */
  boolean recordsRuns() {
    return true;
  }

  /** Whether the goal runs the data work of steps, on a runner found among the plugin's dependencies. */
  boolean runsDataSteps() {
    return false;
  }

  /** The goal's own work, on the selected catalog. */
  abstract void run(Engine engine, TableFormat<?> format) throws MojoExecutionException, MojoFailureException;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Parameters.flag("lake.skip", skip)) {
      getLog().info("Skipping (lake.skip)");
      return;
    }
    tables = Parameters.tables(tables, session != null && session.getUserProperties().containsKey("lake.tables"));
    if (!Parameters.flag("lake.verbose", verbose)) {
      Logging.quietFormats();
    }
    ClassLoader loader = LakeProject.classLoader(project);
    LakeProject.checkIndex(project, loader);
    var resolved = LakeProject.tables(loader);
    try (LakeProject.OpenCatalog open = LakeProject.catalog(catalog, catalogs, embeddedDirectory.toPath(),
        LakeProject.embeddedFormat(resolved), settings, decrypter);
        DataStepRunner runner = runsDataSteps() ? LakeProject.dataRunner(session, loader) : null) {
      String who = recordsRuns() ? Who.runUser(user, System.getenv(), project.getBasedir()) : "lake";
      Engine engine = LakeProject.engine(open, resolved, loader, who);
      run(runner == null ? engine : engine.withDataRunner(runner), open.format());
    } catch (LakeException e) {
      throw failure(e.getMessage());
    }
  }

  /** A build failure whose message shows no catalog secret (and no cause, whose text could). */
  MojoFailureException failure(String message) {
    return new MojoFailureException(Secrets.mask(message, LakeProject.secrets(catalog, catalogs, settings,
        decrypter)));
  }
}
