package dev.lake.maven;

import dev.lake.core.engine.HistoryCheck;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.TableName;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

  /** The throwaway catalogs the histories are applied to, and the forked check's output. */
  @Parameter(defaultValue = "${project.build.directory}/lake-check", readonly = true)
  File checkDirectory;

  /** Skip this goal. */
  @Parameter(property = "lake.skip")
  String skip;

  /**
   * Check the histories in a JVM of their own (the default), started with the quick JIT compiler
   * alone, rather than in Maven's: less CPU for the same verdicts.
   */
  @Parameter(property = "lake.check.fork", defaultValue = "true")
  String fork;

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
    HistoryCheck.Outcome outcome;
    try {
      if (Parameters.flag("lake.check.fork", fork)) {
        outcome = HistoryCheck.forked(checkDirectory.toPath(), tables, loader);
      } else {
        Map<TableName, ResolvedTable> resolved = new TreeMap<>(LakeProject.tables(loader));
        resolved.keySet().removeIf(name -> !filter.test(name));
        outcome = HistoryCheck.run(resolved, checkDirectory.toPath(), loader, LakeProject.class.getClassLoader());
      }
    } catch (LakeException e) {
      throw new MojoFailureException("Lake check failed:\n" + e.getMessage());
    }
    if (!outcome.problems().isEmpty()) {
      throw new MojoFailureException("Lake check failed:\n" + String.join("\n", outcome.problems()));
    }
    getLog().info(outcome.tables() == 0 ? "Lake check: no tables"
        : "Lake check: " + outcome.tables() + " table(s) match their migrations");
  }

  /**
   * Drift and broken histories as errors. The compile before this goal ran the processor over these
   * sources and recorded each table's drift in the index: when no source or Avro file changed since,
   * its verdict is read there, and the project is not compiled a second time. Otherwise the processor
   * runs again over the sources (drift as errors).
   */
  private List<String> drift(TableFilter filter) throws MojoExecutionException, MojoFailureException {
    Optional<List<LakeIndex.Drift>> recorded = avroDirectory == null ? recordedDrift() : Optional.empty();
    if (recorded.isEmpty()) {
      List<String> options = new ArrayList<>(List.of("lake.drift=error"));
      if (avroDirectory != null) {
        options.add("lake.avroDirectory=" + avroDirectory);
      }
      return ProcessorRun.run(project, options, getLog());
    }
    List<String> errors = new ArrayList<>();
    for (LakeIndex.Drift verdict : recorded.get()) {
      if (verdict.enabled() && filter.test(verdict.table())) {
        verdict.report().ifPresent(errors::add);
      }
    }
    return errors;
  }

  /**
   * The drift verdicts of the project's own index, when it is fresh and records drift (an index of an
   * earlier version of the processor does not).
   */
  private Optional<List<LakeIndex.Drift>> recordedDrift() throws MojoExecutionException, MojoFailureException {
    Optional<Path> index = LakeProject.freshIndex(project);
    if (index.isEmpty()) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(index.get());
      return LakeIndex.drift(text);
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException("Cannot read " + index.get() + ": " + e.getMessage(), e);
    }
  }
}
