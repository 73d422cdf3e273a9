package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.iceberg.IcebergTableFormat;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Applies pending migration steps to the selected catalog, one atomic commit per step. */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The catalog to migrate, by name; the first configured one, or the embedded catalog, by default. */
  @Parameter(property = "lake.catalog")
  String catalog;

  /** Named Iceberg catalogs. With none, the embedded catalog is used. */
  @Parameter
  List<Catalog> catalogs;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  @Component
  SettingsDecrypter decrypter;

  /** Where the embedded catalog keeps its SQLite file and warehouse. */
  @Parameter(property = "lake.embeddedDirectory", defaultValue = "${project.basedir}/.lake")
  File embeddedDirectory;

  /** Print the plan (each step's changes) and commit nothing. */
  @Parameter(property = "lake.dryRun", defaultValue = "false")
  boolean dryRun;

  /** The last step to apply; every step by default. */
  @Parameter(property = "lake.target", defaultValue = "-1")
  int target;

  /** Which tables, as comma-separated globs ({@code analytics.*,db.users}); all by default. */
  @Parameter(property = "lake.tables")
  String tables;

  /** How many tables to migrate at once; the steps of one table always go in order. */
  @Parameter(property = "lake.threads", defaultValue = "1")
  int threads;

  /** Apply steps that drop columns even when not marked {@code destructive = true}. */
  @Parameter(property = "lake.allowDestructive", defaultValue = "false")
  boolean allowDestructive;

  /** Skip this goal. */
  @Parameter(property = "lake.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping lake:migrate (lake.skip)");
      return;
    }
    ClassLoader loader = LakeProject.classLoader(project);
    var resolved = LakeProject.tables(loader);
    try (IcebergTableFormat format = LakeProject.catalog(catalog, catalogs, embeddedDirectory.toPath(), settings,
        decrypter)) {
      Engine engine = LakeProject.engine(format, resolved, loader);
      MigrateOptions options = MigrateOptions.defaults().withDryRun(dryRun).withTarget(target).withTables(tables)
          .withThreads(threads).withAllowDestructive(allowDestructive);
      MigrateResult result = engine.migrate(options, step -> getLog().info(String.format(
          "Applied %s step %d (%s) in %d ms", step.table(), step.step(), step.description(), step.took().toMillis())));
      for (MigrateResult.Planned step : result.planned()) {
        getLog().info("Would apply " + step.table() + " step " + step.step() + " (" + step.description() + "):");
        step.changes().forEach(change -> getLog().info("  " + change));
      }
      getLog().info((dryRun ? "Dry run on " : "Migrated ") + format.catalog() + ": " + (dryRun
          ? result.planned().size() + " step(s) pending" : result.applied().size() + " step(s) applied")
          + (result.failures().isEmpty() ? "" : ", " + result.failures().size() + " table(s) failed"));
      if (!result.success()) {
        throw new MojoFailureException(Secrets.mask(String.join("\n", result.failures().values()),
            LakeProject.secrets(catalog, catalogs, settings, decrypter)));
      }
    } catch (LakeException e) {
      throw new MojoFailureException(Secrets.mask(e.getMessage(), LakeProject.secrets(catalog, catalogs, settings,
          decrypter)));
    } finally {
      LakeProject.releaseHadoop();
    }
  }
}
