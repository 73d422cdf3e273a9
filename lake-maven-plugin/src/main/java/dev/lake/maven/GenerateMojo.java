package dev.lake.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes the next migration of each table whose declaration drifted from its history, as a Java source
 * file to review and commit. Nothing is written when nothing drifted.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The source root migrations are written to: the project's source directory by default. */
  @Parameter(property = "lake.migrationsDirectory", defaultValue = "${project.build.sourceDirectory}")
  File migrationsDirectory;

  /** The author recorded in the migration; git's {@code user.name}, else the OS user, by default. */
  @Parameter(property = "lake.author")
  String author;

  /** Why the migration exists (a ticket, a sentence). */
  @Parameter(property = "lake.reason")
  String reason;

  /** Allow migrations that drop columns (they are marked {@code destructive = true}). */
  @Parameter(property = "lake.allowDestructive")
  String allowDestructive;

  /** Which tables, as comma-separated globs; all by default. */
  @Parameter(property = "lake.tables")
  String tables;

  /** Where Avro schemas are; {@code src/main/avro} by default. */
  @Parameter(property = "lake.avroDirectory")
  File avroDirectory;

  /** Skip this goal. */
  @Parameter(property = "lake.skip")
  String skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Parameters.flag("lake.skip", skip)) {
      return;
    }
    List<String> options = new ArrayList<>(List.of("lake.generate=true",
        "lake.generateDirectory=" + migrationsDirectory,
        "lake.allowDestructive=" + Parameters.flag("lake.allowDestructive", allowDestructive)));
    String who = author != null && !author.isBlank() ? author : Who.gitUserName(project.getBasedir());
    if (who != null) {
      options.add("lake.author=" + who);
    }
    if (reason != null && !reason.isBlank()) {
      options.add("lake.reason=" + reason);
    }
    if (tables != null && !tables.isBlank()) {
      options.add("lake.tables=" + tables);
    }
    if (avroDirectory != null) {
      options.add("lake.avroDirectory=" + avroDirectory);
    }
    List<String> errors = ProcessorRun.run(project, options, getLog());
    if (!errors.isEmpty()) {
      throw new MojoFailureException(String.join("\n", errors));
    }
    getLog().info("lake:generate done (each migration written is listed above; none means nothing drifted)");
  }
}
