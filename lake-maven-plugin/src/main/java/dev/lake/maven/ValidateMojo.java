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
 * Fails the build on anything status can find wrong: checksum mismatches, applied steps missing from
 * the code, tables changed outside Lake, tables that exist without Lake's state.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ValidateMojo extends AbstractMojo {
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
      List<String> problems = LakeProject.engine(format, resolved, loader).validate(TableFilter.parse(tables));
      if (!problems.isEmpty()) {
        throw new MojoFailureException("Lake validation of " + format.catalog() + " failed:\n" + String.join("\n",
            problems));
      }
      getLog().info("Lake validation of " + format.catalog() + ": no problem");
    } catch (LakeException e) {
      throw new MojoFailureException(Secrets.mask(e.getMessage(), LakeProject.secrets(catalog, catalogs, settings,
          decrypter)));
    } finally {
      LakeProject.releaseHadoop();
    }
  }
}
