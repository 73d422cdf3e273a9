package dev.lake.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhoTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "-Dlake.user wins over everything, jane, GITHUB_ACTOR, octocat, jane",
      "GitHub Actions, , GITHUB_ACTOR, octocat, octocat",
      "GitLab CI, , GITLAB_USER_LOGIN, gl-user, gl-user",
      "Jenkins, , BUILD_USER_ID, jenkins-user, jenkins-user",
      "CircleCI, , CIRCLE_USERNAME, circle-user, circle-user",
      "Buildkite, , BUILDKITE_BUILD_CREATOR, bk-user, bk-user",
      "Azure Pipelines, , BUILD_REQUESTEDFOR, az-user, az-user",
  })
  void theRunUserComesFromTheFirstSourceThatHasOne(String source, String given, String variable, String value,
      String expected) {
    assertThat(Who.runUser(given, Map.of(variable, value, "UNRELATED", "x"), dir.toFile())).isEqualTo(expected);
  }

  @Test
  void theFirstCiVariableInOrderWins() {
    assertThat(Who.runUser(null, Map.of("GITLAB_USER_LOGIN", "second", "GITHUB_ACTOR", "first"), dir.toFile()))
        .isEqualTo("first");
  }

  @Test
  void withoutACiGitsUserNameForTheProject() throws Exception {
    File repo = dir.toFile();
    run(repo, "git", "init", "-q");
    run(repo, "git", "config", "user.name", "Git Person");
    assertThat(Who.runUser(" ", Map.of(), repo)).isEqualTo("Git Person");
  }

  @Test
  void reportFormatsAreTextOrJson() throws Exception {
    assertThat(Output.json(null)).isFalse();
    assertThat(Output.json("text")).isFalse();
    assertThat(Output.json(" JSON ")).isTrue();
    assertThatThrownBy(() -> Output.json("yaml")).isInstanceOf(MojoFailureException.class)
        .hasMessage("Invalid -Dlake.format=yaml (use text or json)");
  }

  private static void run(File directory, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(directory).inheritIO().start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }
}
