package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.model.TableName;
import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  /** Where Avro schemas are; {@code src/main/avro} by default. */
  @Parameter(property = "lake.avroDirectory")
  File avroDirectory;

  /** The throwaway catalog the history is applied to. */
  @Parameter(defaultValue = "${project.build.directory}/lake-check", readonly = true)
  File checkDirectory;

  /** Skip this goal. */
  @Parameter(property = "lake.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      return;
    }
    List<String> options = new ArrayList<>(List.of("lake.drift=error"));
    if (avroDirectory != null) {
      options.add("lake.avroDirectory=" + avroDirectory);
    }
    List<String> errors = ProcessorRun.run(project, options, getLog());
    if (!errors.isEmpty()) {
      throw new MojoFailureException("Lake check failed:\n" + String.join("\n", errors));
    }
    ClassLoader loader = LakeProject.classLoader(project);
    Map<TableName, ResolvedTable> tables = LakeProject.tables(loader);
    if (tables.isEmpty()) {
      getLog().info("Lake check: no tables");
      return;
    }
    Path directory = checkDirectory.toPath();
    delete(directory);
    LakeProject.prepareHadoop();
    List<String> problems = new ArrayList<>();
    try (IcebergTableFormat format = IcebergCatalogs.embedded("check", directory)) {
      Engine engine = LakeProject.engine(format, tables, loader);
      MigrateResult result = engine.migrate(MigrateOptions.defaults().withAllowDestructive(true));
      problems.addAll(result.failures().values());
      for (ResolvedTable table : tables.values()) {
        if (table.declared().isPresent() && !result.failures().containsKey(table.name())) {
          List<String> differences = Engine.differences(table.declared().get(),
              format.load(table.name()).orElseThrow().model());
          if (!differences.isEmpty()) {
            problems.add(table.name() + ": applying its history does not give the declared table: "
                + String.join("; ", differences));
          }
        }
      }
    } catch (LakeException e) {
      problems.add(e.getMessage());
    } finally {
      LakeProject.releaseHadoop();
    }
    if (!problems.isEmpty()) {
      throw new MojoFailureException("Lake check failed:\n" + String.join("\n", problems));
    }
    getLog().info("Lake check: " + tables.size() + " table(s) match their migrations");
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
