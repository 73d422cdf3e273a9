package dev.lake.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Who runs a goal, and who writes a migration: for the history a table keeps of its steps. */
final class Who {
  /**
   * The variables CI services set to the account that started a build, in the order they are tried:
   * GitHub Actions, GitLab CI, Jenkins (build-user-vars), CircleCI, Buildkite, Azure Pipelines.
   */
  static final List<String> CI_ACTOR_VARIABLES = List.of("GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BUILD_USER_ID",
      "CIRCLE_USERNAME", "BUILDKITE_BUILD_CREATOR", "BUILD_REQUESTEDFOR");

  private Who() {}

  /**
   * The user a run records: {@code given} ({@code -Dlake.user}), else the CI's actor, else git's
   * {@code user.name} in {@code directory}, else the OS user.
   */
  static String runUser(String given, Map<String, String> environment, File directory) {
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    for (String variable : CI_ACTOR_VARIABLES) {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    String git = gitUserName(directory);
    return git != null ? git : System.getProperty("user.name", "unknown");
  }

  /** git's {@code user.name} for the project, or null when git is missing or has none. */
  static String gitUserName(File directory) {
    try {
      Process git = new ProcessBuilder("git", "config", "user.name").directory(directory)
          .redirectErrorStream(true).start();
      String name = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(10, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return null;
      }
      return git.exitValue() == 0 && !name.isEmpty() ? name : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
