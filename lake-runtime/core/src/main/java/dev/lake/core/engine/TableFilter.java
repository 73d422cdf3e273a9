package dev.lake.core.engine;

import dev.lake.core.model.TableName;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Selects tables by comma-separated globs: {@code analytics.*}, {@code *.events},
 * {@code db.users,db.orders}. {@code *} matches within a name part and across parts; {@code ?} one
 * character. Empty or null selects every table.
 */
public final class TableFilter implements Predicate<TableName> {
  private final String text;
  private final List<Pattern> patterns;

  private TableFilter(String text, List<Pattern> patterns) {
    this.text = text;
    this.patterns = patterns;
  }

  public static TableFilter parse(String globs) {
    if (globs == null || globs.isBlank()) {
      return new TableFilter("*", List.of());
    }
    List<Pattern> patterns = java.util.Arrays.stream(globs.split(","))
        .map(String::strip).filter(g -> !g.isEmpty())
        .map(TableFilter::compile).toList();
    return new TableFilter(globs.strip(), patterns);
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public boolean test(TableName table) {
    return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(table.toString()).matches());
  }

  @Override
  public String toString() {
    return text;
  }
}
