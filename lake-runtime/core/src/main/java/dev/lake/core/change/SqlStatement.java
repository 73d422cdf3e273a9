package dev.lake.core.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of a step's data work ({@code @Sql}), as written: Spark SQL with {@code {table}} for
 * the table's identifier in Spark. Its text is part of the step's checksum.
 *
 * @param text the statement as written, never blank
 */
public record SqlStatement(String text) {
  /** The only placeholder: the table's identifier in Spark's catalog. */
  public static final String TABLE = "{table}";

  /** What looks like a placeholder: a name in braces (so JSON or map literals are left alone). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

  public SqlStatement {
    Objects.requireNonNull(text, "text");
    List<String> problems = problems(text);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /**
   * What is wrong with a statement's text, one message each: empty when it is a statement Lake can
   * run. Spark parses it when the step runs; Lake checks what it can without Spark.
   */
  public static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add("Invalid @Sql: the statement is empty");
      return problems;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      if (!matcher.group().equals(TABLE)) {
        problems.add("Invalid @Sql: unknown placeholder " + matcher.group() + " (only " + TABLE
            + " is replaced, by the table's identifier in Spark)");
      }
    }
    return problems;
  }

  /** The statement to run, with {@code {table}} replaced by the table's Spark identifier. */
  public String resolve(String tableIdentifier) {
    return text.replace(TABLE, tableIdentifier);
  }

  /** The frozen text hashed by the step checksum. */
  String canonical() {
    return "sql " + Canonical.quote(text);
  }

  @Override
  public String toString() {
    return text.strip();
  }
}
