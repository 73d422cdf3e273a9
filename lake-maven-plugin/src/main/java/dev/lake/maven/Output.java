package dev.lake.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * A goal's report for tools: one JSON document written to standard output alone (not through Maven's
 * logger, so no {@code [INFO]} prefix, and there under {@code -q} too), or to a file.
 */
final class Output {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Output() {}

  /** Whether {@code -Dlake.format} asks for JSON; refuses anything but {@code text} and {@code json}. */
  static boolean json(String format) throws MojoFailureException {
    if (format == null || format.isBlank() || "text".equalsIgnoreCase(format.strip())) {
      return false;
    }
    if ("json".equalsIgnoreCase(format.strip())) {
      return true;
    }
    throw new MojoFailureException("Invalid -Dlake.format=" + format + " (use text or json)");
  }

  /** Writes the document to {@code file}, or to standard output when none is given. */
  static void write(JsonNode document, String file, PrintStream out, Log log) throws MojoExecutionException {
    String text;
    try {
      text = MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new MojoExecutionException("Cannot write the report as JSON", e);
    }
    if (file == null || file.isBlank()) {
      out.println(text);
      out.flush();
      return;
    }
    Path path = Path.of(file);
    try {
      if (path.toAbsolutePath().getParent() != null) {
        Files.createDirectories(path.toAbsolutePath().getParent());
      }
      Files.writeString(path, text + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    log.info("Wrote " + file);
  }
}
