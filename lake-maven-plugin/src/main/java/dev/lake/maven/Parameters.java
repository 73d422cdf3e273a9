package dev.lake.maven;

import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Reads goal parameters strictly: Maven turns any text but {@code true} into {@code false} for a
 * boolean parameter and fails on a number with a message that does not name the property, so a typo
 * such as {@code -Dlake.dryRun=ture} would run a real migration. Lake's goals take such parameters as
 * text and read them here.
 */
final class Parameters {
  private Parameters() {}

  /** A flag: {@code true} or {@code false} (any case); unset is {@code false}. */
  static boolean flag(String property, String value) throws MojoFailureException {
    if (value == null) {
      return false;
    }
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new MojoFailureException("Invalid -D" + property + "=" + value + ": use true or false (or leave it out)");
    }
  }

  /** A whole number of at least {@code min}; {@code otherwise} when unset. */
  static int number(String property, String value, int min, int otherwise) throws MojoFailureException {
    if (value == null) {
      return otherwise;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min) {
        return number;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new MojoFailureException("Invalid -D" + property + "=" + value + ": use a whole number of at least " + min);
  }

  /**
   * The table globs, or null for every table. Given but empty ({@code -Dlake.tables=}) is a mistake, not
   * "every table".
   */
  static String tables(String value, boolean given) throws MojoFailureException {
    if (given && (value == null || value.isBlank())) {
      throw new MojoFailureException("Empty -Dlake.tables: name the tables (comma-separated globs such as "
          + "analytics.*), or leave it out for every table");
    }
    return value;
  }
}
