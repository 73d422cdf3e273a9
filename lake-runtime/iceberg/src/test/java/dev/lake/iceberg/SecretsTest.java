package dev.lake.iceberg;

import dev.lake.testing.RestCatalogServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog secrets never reach a log line, an exception message or status output: a run through the
 * REST server process, with every logger at TRACE, is grepped for each secret value.
 */
class SecretsTest {
  @TempDir
  Path dir;

  @Test
  void noSecretInAnythingTheRunPrinted() throws Exception {
    RestCatalogServer server = RestCatalogServer.forDirectory(dir.resolve("rest"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", classPathWithLogging(),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", SecretsMain.class.getName(), server.uri())
        .redirectErrorStream(true).start();
    byte[] printed = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String out = new String(printed, StandardCharsets.UTF_8);
    Path log = Path.of("target", "secrets-run.log");
    Files.writeString(log, out);

    assertThat(out).as("the run did its work").contains("Applied[table=race.t2, step=3")
        .contains("Cannot open catalog 'other' (rest)");
    assertThat(out).as("every logger was on").contains("DEBUG org.apache.iceberg").contains("DEBUG org.apache.hc");
    assertThat(out).as("a REST catalog with a token or credential names its token endpoint (README's example)")
        .doesNotContain("missing the OAuth2 server URI");
    List<String> secrets = new ArrayList<>(SecretsMain.secrets().values());
    secrets.add("Credential-Value-c3d7");
    for (String secret : secrets) {
      assertThat(out).as("the run printed %s (%s)", secret, log.toAbsolutePath()).doesNotContain(secret);
    }
  }

  /** The test class path with SLF4J's simple logger in place of the silent one. */
  private static String classPathWithLogging() throws Exception {
    List<String> entries = new ArrayList<>(Arrays.stream(System.getProperty("java.class.path")
        .split(File.pathSeparator)).filter(entry -> !entry.contains("slf4j-nop")).toList());
    // The REST server's class path, resolved by the build, has the simple logger of the same SLF4J version.
    Arrays.stream(RestCatalogServer.classPath().split(File.pathSeparator))
        .filter(entry -> entry.contains("slf4j-simple")).forEach(entries::add);
    return String.join(File.pathSeparator, entries);
  }
}
