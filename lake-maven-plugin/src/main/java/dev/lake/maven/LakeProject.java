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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

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
    return catalog(name, catalogs, embeddedDirectory, null, null);
  }

  /**
   * As {@link #catalog(String, List, Path)}, with secrets from {@code settings.xml} servers. A failure's
   * message is masked, and carries no cause: the cause's own text could hold a secret.
   */
  static IcebergTableFormat catalog(String name, List<Catalog> catalogs, Path embeddedDirectory, Settings settings,
      SettingsDecrypter decrypter) throws MojoFailureException {
    prepareHadoop();
    Map<String, String> properties = Map.of();
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
          properties = withServer(catalog, settings, decrypter);
          return IcebergCatalogs.open(catalog.name, properties);
        }
      }
      throw new MojoFailureException("No catalog '" + selected + "' is configured (configured: " + catalogs.stream()
          .map(c -> c.name).collect(Collectors.joining(", ")) + ")");
    } catch (LakeException e) {
      throw new MojoFailureException(Secrets.mask(e.getMessage(), Secrets.of(properties)));
    }
  }

  /** The catalog's properties with the secret of its {@code settings.xml} server, if it names one. */
  static Map<String, String> withServer(Catalog catalog, Settings settings, SettingsDecrypter decrypter)
      throws MojoFailureException {
    Map<String, String> properties = new LinkedHashMap<>(catalog.icebergProperties());
    if (catalog.serverId == null || catalog.serverId.isBlank()) {
      return properties;
    }
    Server server = settings == null ? null : settings.getServer(catalog.serverId);
    if (server == null) {
      throw new MojoFailureException("Catalog '" + catalog.name + "' names server '" + catalog.serverId + "', which "
          + "settings.xml does not have: add <server><id>" + catalog.serverId + "</id>...</server> to settings.xml");
    }
    if (decrypter != null) {
      server = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server)).getServer();
    }
    if (catalog.passwordProperty == null || catalog.passwordProperty.isBlank()) {
      throw new MojoFailureException("Catalog '" + catalog.name + "' names server '" + catalog.serverId + "' but no "
          + "<passwordProperty>: say which catalog property its password goes to (jdbc.password, token, ...)");
    }
    if (server.getPassword() != null) {
      properties.put(catalog.passwordProperty, server.getPassword());
    }
    if (catalog.usernameProperty != null && !catalog.usernameProperty.isBlank() && server.getUsername() != null) {
      properties.put(catalog.usernameProperty, server.getUsername());
    }
    return properties;
  }

  /** The secrets of the selected catalog, to mask in anything printed about it. */
  static List<String> secrets(String name, List<Catalog> catalogs, Settings settings, SettingsDecrypter decrypter) {
    List<String> secrets = new ArrayList<>();
    if (catalogs != null) {
      for (Catalog catalog : catalogs) {
        try {
          Map<String, String> properties = withServer(catalog, settings, decrypter);
          secrets.addAll(Secrets.of(properties));
          if (catalog.passwordProperty != null && properties.get(catalog.passwordProperty) != null) {
            secrets.add(properties.get(catalog.passwordProperty));
          }
        } catch (MojoFailureException e) {
          // reported when the catalog is opened
        }
      }
    }
    return secrets;
  }

  /**
   * Prepares Hadoop, the local file I/O of Iceberg's catalogs, for running inside Maven: its warning that
   * no native library is found is noise for a build.
   */
  static void prepareHadoop() {
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", "error");
  }

  /**
   * Makes Hadoop's JVM shutdown hooks harmless. Hadoop runs them when the JVM exits, and loads their
   * classes only then; by then Maven has disposed of the plugin's class realm and they fail with
   * NoClassDefFoundError. So, when a goal ends (its catalog closed): close the cached file systems, so
   * the hook that would close them has nothing to do, and load the hook manager's own classes while the
   * realm is alive.
   */
  static void releaseHadoop() {
    try {
      org.apache.hadoop.fs.FileSystem.closeAll();
    } catch (java.io.IOException e) {
      // nothing is lost: Iceberg has committed (or not) before a goal ends
    }
    for (String name : List.of("org.apache.hadoop.util.ShutdownHookManager$1",
        "org.apache.hadoop.util.ShutdownHookManager$2", "org.apache.hadoop.util.ShutdownHookManager$HookEntry")) {
      try {
        Class.forName(name, false, LakeProject.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        // another Hadoop version: nothing to load
      }
    }
  }

  static Engine engine(IcebergTableFormat format, Map<TableName, ResolvedTable> tables, ClassLoader loader) {
    return new Engine(format, tables, loader, Clock.systemUTC(), System.getProperty("user.name", "lake"));
  }
}
