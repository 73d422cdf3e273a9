package dev.lake.maven;

import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableStatus;
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

/** Prints, per table: the applied step, pending steps, when and by whom, checksum state and live drift. */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The catalog, by name; the first configured one, or the embedded catalog, by default. */
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

  /** Which tables, as comma-separated globs; all by default. */
  @Parameter(property = "lake.tables")
  String tables;

  /** Skip this goal. */
  @Parameter(property = "lake.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      return;
    }
    ClassLoader loader = LakeProject.classLoader(project);
    var resolved = LakeProject.tables(loader);
    try (IcebergTableFormat format = LakeProject.catalog(catalog, catalogs, embeddedDirectory.toPath(), settings,
        decrypter)) {
      getLog().info("Lake status of " + format.catalog() + ":");
      for (TableStatus status : LakeProject.engine(format, resolved, loader).status(TableFilter.parse(tables))) {
        getLog().info(String.format("  %-30s applied step %s of %d, pending %s%s", status.table(),
            status.appliedStep() < 0 ? "none" : String.valueOf(status.appliedStep()), status.lastStep(),
            status.pending().isEmpty() ? "none" : status.pending(),
            status.appliedAt() == null ? "" : ", last applied " + status.appliedAt() + " by " + status.appliedBy()));
        status.problems().forEach(problem -> getLog().warn("    " + problem));
      }
    } catch (LakeException e) {
      throw new MojoFailureException(Secrets.mask(e.getMessage(), LakeProject.secrets(catalog, catalogs, settings,
          decrypter)));
    } finally {
      LakeProject.releaseHadoop();
    }
  }
}
