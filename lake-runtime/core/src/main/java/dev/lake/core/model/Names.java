package dev.lake.core.model;

import java.util.regex.Pattern;

/** Column names and quoting in the type grammar. */
final class Names {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Names() {}

  static void checkName(String name) {
    Checks.argument(name != null && !name.isEmpty(), "Invalid column name: empty");
    Checks.argument(name.indexOf('.') < 0,
        "Invalid column name: %s (dots separate the parts of a column path; use another character)", name);
    for (int i = 0; i < name.length(); i++) {
      // The message is built only on failure: names are checked for every column of every model.
      if (Character.isISOControl(name.charAt(i))) {
        throw new IllegalArgumentException(String.format("Invalid column name: %s (control character at %s)",
            name.replaceAll("\\p{Cntrl}", "?"), i));
      }
    }
  }

  static String quote(String name) {
    return IDENTIFIER.matcher(name).matches() ? name : "`" + name.replace("`", "``") + "`";
  }

  static String quoteText(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
