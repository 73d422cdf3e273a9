package dev.lake.maven;

import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.TableFilter;
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

/**
 * Adopts tables created outside Lake at a step, after checking that each one equals the replay of
 * steps 0 to that step; records the state only. Refuses, naming the differences, otherwise.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BaselineMojo extends AbstractMojo {
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

  /** Which tables to adopt, as comma-separated globs. */
  @Parameter(property = "lake.tables", required = true)
  String tables;

  /** The step the tables are at. */
  @Parameter(property = "lake.step", required = true)
  int step;

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
      var adopted = LakeProject.engine(format, resolved, loader).baseline(TableFilter.parse(tables), step);
      adopted.forEach(table -> getLog().info("Adopted " + table + " at step " + step + " in " + format.catalog()));
    } catch (LakeException e) {
      throw new MojoFailureException(Secrets.mask(e.getMessage(), LakeProject.secrets(catalog, catalogs, settings,
          decrypter)));
    } finally {
      LakeProject.releaseHadoop();
    }
  }
}
