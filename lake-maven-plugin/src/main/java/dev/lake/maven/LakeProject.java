package dev.lake.maven;

import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.DataStepRunnerProvider;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.Environment;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.Resolver;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.engine.TableFormatProvider;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
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
      return new ProjectClassLoader(urls.toArray(URL[]::new), Path.of(project.getBuild().getOutputDirectory()),
          LakeProject.class.getClassLoader());
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("Cannot build the class path of " + project.getArtifactId(), e);
    }
  }

  /**
   * Refuses to go on with an index that is missing, or older than a source file: the goal would apply
   * or report the migrations of an earlier compile ("mvn lake:generate lake:migrate" without compile).
   */
  static void checkIndex(MavenProject project, ClassLoader loader) throws MojoFailureException {
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    Path index = classes.resolve(LakeIndex.RESOURCE);
    if (!Files.exists(index)) {
      if (loader.getResource(LakeIndex.RESOURCE) == null) {
        throw new MojoFailureException("No compiled Lake tables: " + project.getBasedir().toPath().relativize(index)
            + " is missing. Run 'mvn compile' first (with lake-processor on the annotation processor path), for "
            + "example 'mvn compile lake:migrate'");
      }
      return;
    }
    Optional<Path> newer = newerSource(project, index);
    if (newer.isPresent()) {
      throw new MojoFailureException("The compiled Lake tables are older than "
          + project.getBasedir().toPath().relativize(newer.get()) + ": run 'mvn compile' first, for example "
          + "'mvn compile lake:migrate' (nothing was done)");
    }
  }

  /**
   * The project's own index, when a compile wrote it after every source and Avro file: what that compile's
   * processor found holds for the sources as they are.
   */
  static Optional<Path> freshIndex(MavenProject project) throws MojoFailureException {
    Path index = Path.of(project.getBuild().getOutputDirectory()).resolve(LakeIndex.RESOURCE);
    return Files.exists(index) && newerSource(project, index).isEmpty() ? Optional.of(index) : Optional.empty();
  }

  /** A source or Avro file changed after the index was written, if there is one. */
  private static Optional<Path> newerSource(MavenProject project, Path index) throws MojoFailureException {
    try {
      FileTime compiled = Files.getLastModifiedTime(index);
      Path build = Path.of(project.getBuild().getDirectory());
      List<Path> roots = new ArrayList<>();
      project.getCompileSourceRoots().forEach(root -> roots.add(Path.of(root)));
      roots.add(project.getBasedir().toPath().resolve("src/main/avro"));
      Path[] newer = new Path[1];
      for (Path root : roots) {
        if (root.startsWith(build) || !Files.isDirectory(root)) {
          continue;
        }
        // One look at each file (its attributes come with the directory walk), stopping at the first newer one.
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(compiled) > 0) {
              newer[0] = file;
              return FileVisitResult.TERMINATE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
        if (newer[0] != null) {
          return Optional.of(newer[0]);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new MojoFailureException("Cannot read " + index + ": " + e.getMessage());
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

  /** A catalog opened for a goal, with the provider of its format and what it makes of the code's tables. */
  record OpenCatalog(TableFormatProvider provider, TableFormat<?> format, Environment environment)
      implements AutoCloseable {
    /** Closes the catalog, then frees what its format keeps for the JVM. */
    @Override
    public void close() {
      try {
        format.close();
      } finally {
        provider.release();
      }
    }
  }

  /** The provider of a format, among the formats on the plugin's class path. */
  static TableFormatProvider provider(String format) {
    return TableFormatProvider.named(format, LakeProject.class.getClassLoader());
  }

  /**
   * Opens the selected catalog: a configured one by name, or the embedded catalog of {@code embeddedFormat}
   * in {@code embeddedDirectory} when none is configured. A failure's message is masked, and carries no
   * cause: the cause's own text could hold a secret. Secrets come from {@code settings.xml} servers.
   */
  static OpenCatalog catalog(String name, List<Catalog> catalogs, Path embeddedDirectory, String embeddedFormat,
      Settings settings, SettingsDecrypter decrypter) throws MojoFailureException {
    Map<String, String> properties = Map.of();
    checkNames(catalogs);
    try {
      if (catalogs == null || catalogs.isEmpty() || EMBEDDED.equals(name)) {
        if (name != null && !name.isBlank() && !EMBEDDED.equals(name)) {
          throw new MojoFailureException("No catalog '" + name + "' is configured: add it under <catalogs> in the "
              + "lake-maven-plugin configuration, or leave -Dlake.catalog unset to use the embedded catalog");
        }
        TableFormatProvider provider = provider(embeddedFormat);
        return new OpenCatalog(provider, provider.openEmbedded(EMBEDDED, embeddedDirectory), Environment.NONE);
      }
      String selected = name == null || name.isBlank() ? catalogs.get(0).name : name;
      for (Catalog catalog : catalogs) {
        if (selected.equals(catalog.name)) {
          properties = withServer(catalog, settings, decrypter);
          TableFormatProvider provider = provider(catalog.format);
          return new OpenCatalog(provider, provider.open(catalog.name, properties), catalog.environment());
        }
      }
      throw new MojoFailureException("No catalog '" + selected + "' is configured (configured: " + catalogs.stream()
          .map(c -> c.name).collect(Collectors.joining(", ")) + ")");
    } catch (LakeException e) {
      throw new MojoFailureException(Secrets.mask(e.getMessage(), Secrets.of(properties)));
    }
  }

  /** Each configured catalog has a name of its own, and none is called like the embedded one. */
  static void checkNames(List<Catalog> catalogs) throws MojoFailureException {
    if (catalogs == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < catalogs.size(); i++) {
      String name = catalogs.get(i).name;
      if (name == null || name.isBlank()) {
        throw new MojoFailureException("Catalog " + (i + 1) + " of <catalogs> has no <name>: give each catalog a "
            + "name, which -Dlake.catalog selects");
      }
      if (!names.add(name)) {
        throw new MojoFailureException("Two catalogs of <catalogs> are named '" + name + "': give each catalog a "
            + "name of its own");
      }
      if (EMBEDDED.equals(name)) {
        throw new MojoFailureException("A catalog of <catalogs> is named '" + EMBEDDED + "', the name of the "
            + "embedded catalog: give it another name");
      }
    }
  }

  /**
   * The format of the embedded catalog: the one the project's tables have when they all have one, else
   * the default.
   */
  static String embeddedFormat(Map<TableName, ResolvedTable> tables) {
    List<String> formats = tables.values().stream().map(ResolvedTable::format).distinct().toList();
    return formats.size() == 1 ? formats.get(0) : FormatRules.DEFAULT_FORMAT;
  }

  /** The catalog's properties with the secret of its {@code settings.xml} server, if it names one. */
  static Map<String, String> withServer(Catalog catalog, Settings settings, SettingsDecrypter decrypter)
      throws MojoFailureException {
    Map<String, String> properties = new LinkedHashMap<>(catalog.catalogProperties());
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
   * The data step runner of the first provider among the plugin's dependencies ({@code lake-spark}),
   * with the run's {@code lake.spark.*} and {@code spark.*} properties; null when there is none (a data
   * step then fails, naming the module to add). Opening starts nothing: Spark starts for the first data
   * step.
   */
  static DataStepRunner dataRunner(MavenSession session, ClassLoader loader) {
    Map<String, String> options = new TreeMap<>();
    for (Properties properties : List.of(session.getSystemProperties(), session.getUserProperties())) {
      properties.stringPropertyNames().stream().filter(k -> k.startsWith("lake.spark.") || k.startsWith("spark."))
          .forEach(k -> options.put(k, properties.getProperty(k)));
    }
    return DataStepRunnerProvider.find(loader).map(provider -> provider.open(options, loader)).orElse(null);
  }

  static Engine engine(OpenCatalog open, Map<TableName, ResolvedTable> tables, ClassLoader loader, String user) {
    return new Engine(open.format(), tables, loader, Clock.systemUTC(), user).withEnvironment(open.environment());
  }
}
