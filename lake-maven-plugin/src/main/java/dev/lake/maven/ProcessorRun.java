package dev.lake.maven;

import dev.lake.processor.LakeProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** Runs Lake's processor alone ({@code -proc:only}) over a project's sources with its class path. */
final class ProcessorRun {
  private ProcessorRun() {}

  /**
   * Runs the processor with these {@code -A} options; logs its notes and warnings.
   *
   * @return the errors, one message each ({@code file:line: message}); empty when there are none
   */
  static List<String> run(MavenProject project, List<String> processorOptions, Log log)
      throws MojoExecutionException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new MojoExecutionException("Lake needs a JDK to read the sources (no Java compiler in " + System.getProperty(
          "java.home") + "): run Maven with a JDK");
    }
    List<File> sources = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path dir = Path.of(root);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> sources.add(f.toFile()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    List<String> errors = new ArrayList<>();
    if (sources.isEmpty()) {
      return errors;
    }
    List<String> options = new ArrayList<>();
    try {
      Path output = Files.createDirectories(Path.of(project.getBuild().getDirectory(), "lake-processor"));
      options.addAll(List.of("-proc:only", "-d", output.toString(), "-classpath",
          String.join(File.pathSeparator, project.getCompileClasspathElements()),
          "-Alake.projectDirectory=" + project.getBasedir()));
    } catch (DependencyResolutionRequiredException | IOException e) {
      throw new MojoExecutionException("Cannot prepare the processor run for " + project.getArtifactId(), e);
    }
    processorOptions.forEach(option -> options.add("-A" + option));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromFiles(sources));
      task.setProcessors(List.of(new LakeProcessor()));
      task.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      String where = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":"
          + diagnostic.getLineNumber() + ": ";
      String message = where + diagnostic.getMessage(Locale.ROOT);
      switch (diagnostic.getKind()) {
        case ERROR -> errors.add(message);
        case WARNING, MANDATORY_WARNING -> log.warn(message);
        default -> log.info(message);
      }
    }
    return errors;
  }
}
