package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.Environment;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.engine.TableFormatProvider;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.TableName;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Fails the build when a declaration drifted from its migrations, when the history is broken, or when
 * applying the whole history to a throwaway embedded catalog does not give exactly the declared
 * tables. Bound to {@code verify}: this is what CI runs.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class CheckMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Which tables, as comma-separated globs; all by default. */
  @Parameter(property = "lake.tables")
  String tables;

  /** Where Avro schemas are; {@code src/main/avro} by default. */
  @Parameter(property = "lake.avroDirectory")
  File avroDirectory;

  /** The throwaway catalog the history is applied to. */
  @Parameter(defaultValue = "${project.build.directory}/lake-check", readonly = true)
  File checkDirectory;

  /** Skip this goal. */
  @Parameter(property = "lake.skip")
  String skip;

  /** Let the table format's own INFO logging through. */
  @Parameter(property = "lake.verbose")
  String verbose;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Parameters.flag("lake.skip", skip)) {
      return;
    }
    if (!Parameters.flag("lake.verbose", verbose)) {
      Logging.quietFormats();
    }
    TableFilter filter = TableFilter.parse(tables);
    List<String> errors = drift(filter);
    if (!errors.isEmpty()) {
      throw new MojoFailureException("Lake check failed:\n" + String.join("\n", errors));
    }
    ClassLoader loader = LakeProject.classLoader(project);
    Map<TableName, ResolvedTable> tables = new TreeMap<>(LakeProject.tables(loader));
    tables.keySet().removeIf(name -> !filter.test(name));
    if (tables.isEmpty()) {
      getLog().info("Lake check: no tables");
      return;
    }
    Path directory = checkDirectory.toPath();
    delete(directory);
    List<String> problems = new ArrayList<>();
    Map<String, Map<TableName, ResolvedTable>> byFormat = new TreeMap<>();
    tables.forEach((name, table) -> byFormat.computeIfAbsent(table.format(), f -> new TreeMap<>()).put(name, table));
    for (Map.Entry<String, Map<TableName, ResolvedTable>> format : byFormat.entrySet()) {
      try {
        TableFormatProvider provider = LakeProject.provider(format.getKey());
        try (LakeProject.OpenCatalog open = new LakeProject.OpenCatalog(provider,
            provider.openScratch("check", directory.resolve(format.getKey())), Environment.NONE)) {
          problems.addAll(check(open.format(), format.getValue(), loader));
        }
      } catch (LakeException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new MojoFailureException("Lake check failed:\n" + String.join("\n", problems));
    }
    getLog().info("Lake check: " + tables.size() + " table(s) match their migrations");
  }

  /**
   * Drift and broken histories as errors. The compile before this goal ran the processor over these
   * sources and recorded each table's drift in the index: when no source or Avro file changed since,
   * its verdict is read there, and the project is not compiled a second time. Otherwise the processor
   * runs again over the sources (drift as errors).
   */
  private List<String> drift(TableFilter filter) throws MojoExecutionException, MojoFailureException {
    Optional<List<LakeIndex.Entry>> recorded = avroDirectory == null ? recordedDrift() : Optional.empty();
    if (recorded.isEmpty()) {
      List<String> options = new ArrayList<>(List.of("lake.drift=error"));
      if (avroDirectory != null) {
        options.add("lake.avroDirectory=" + avroDirectory);
      }
      return ProcessorRun.run(project, options, getLog());
    }
    List<String> errors = new ArrayList<>();
    for (LakeIndex.Entry entry : recorded.get()) {
      if (entry.enabled() && filter.test(entry.table())) {
        entry.drift().ifPresent(errors::add);
      }
    }
    return errors;
  }

  /**
   * The entries of the project's own index, when it is fresh and records drift (an index of an earlier
   * version of the processor does not).
   */
  private Optional<List<LakeIndex.Entry>> recordedDrift() throws MojoExecutionException, MojoFailureException {
    Optional<Path> index = LakeProject.freshIndex(project);
    if (index.isEmpty()) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(index.get());
      return LakeIndex.recordsDrift(text) ? Optional.of(LakeIndex.parse(text, index.get().toString()))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException("Cannot read " + index.get() + ": " + e.getMessage(), e);
    }
  }

  /** Applies every history to an empty catalog: what fails, and where the result is not the declaration. */
  private static List<String> check(TableFormat<?> format, Map<TableName, ResolvedTable> tables, ClassLoader loader) {
    List<String> problems = new ArrayList<>();
    MigrateResult result = new Engine(format, tables, loader, Clock.systemUTC(), "lake:check")
        .migrate(MigrateOptions.defaults().withAllowDestructive(true).withSchemaOnly(true));
    problems.addAll(result.messages().values());
    for (ResolvedTable table : tables.values()) {
      if (table.declared().isPresent() && !result.failures().containsKey(table.name())) {
        List<String> differences = Engine.differences(table.declared().get(),
            format.load(table.name()).orElseThrow().model(), table.history().rules());
        if (!differences.isEmpty()) {
          problems.add(table.name() + ": applying its history does not give the declared table: "
              + String.join("; ", differences));
        }
      }
    }
    return problems;
  }

  private static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + directory, e);
    }
  }
}
