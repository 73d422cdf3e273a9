package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.Resolver;
import dev.lake.core.model.TableName;
import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/** What several goals share: the project's compiled migrations, the selected catalog, the engine. */
final class LakeProject {
  /** The name of the catalog used when none is configured. */
  static final String EMBEDDED = "embedded";

  private LakeProject() {}

  /** A class loader over the project's compiled classes and runtime dependencies. */
  static ClassLoader classLoader(MavenProject project) throws MojoExecutionException {
    try {
      List<URL> urls = new ArrayList<>();
      for (String element : project.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
      return new URLClassLoader(urls.toArray(URL[]::new), LakeProject.class.getClassLoader());
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("Cannot build the class path of " + project.getArtifactId(), e);
    }
  }

  /** The tables of the project's index, resolved against its compiled migrations. */
  static Map<TableName, ResolvedTable> tables(ClassLoader loader) throws MojoFailureException {
    try {
      return Resolver.resolve(loader);
    } catch (LakeException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  /**
   * Opens the selected catalog: a configured one by name, or the embedded catalog (a JDBC catalog on an
   * SQLite file with a local warehouse in {@code embeddedDirectory}) when none is configured.
   */
  static IcebergTableFormat catalog(String name, List<Catalog> catalogs, Path embeddedDirectory)
      throws MojoFailureException {
    try {
      if (catalogs == null || catalogs.isEmpty() || EMBEDDED.equals(name)) {
        if (name != null && !name.isBlank() && !EMBEDDED.equals(name)) {
          throw new MojoFailureException("No catalog '" + name + "' is configured: add it under <catalogs> in the "
              + "lake-maven-plugin configuration, or leave -Dlake.catalog unset to use the embedded catalog");
        }
        return IcebergCatalogs.embedded(EMBEDDED, embeddedDirectory);
      }
      String selected = name == null || name.isBlank() ? catalogs.get(0).name : name;
      for (Catalog catalog : catalogs) {
        if (selected.equals(catalog.name)) {
          return IcebergCatalogs.open(catalog.name, catalog.icebergProperties());
        }
      }
      throw new MojoFailureException("No catalog '" + selected + "' is configured (configured: " + catalogs.stream()
          .map(c -> c.name).collect(Collectors.joining(", ")) + ")");
    } catch (LakeException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  static Engine engine(IcebergTableFormat format, Map<TableName, ResolvedTable> tables, ClassLoader loader) {
    return new Engine(format, tables, loader, Clock.systemUTC(), System.getProperty("user.name", "lake"));
  }
}
