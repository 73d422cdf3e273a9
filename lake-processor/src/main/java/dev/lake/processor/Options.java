package dev.lake.processor;

import dev.lake.core.engine.TableFilter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The processor's options ({@code -Alake.xxx=...}), which {@code lake:generate} and the documented
 * compiler configuration pass.
 *
 * @param driftIsError {@code lake.drift=error}: drift fails the compile (what {@code lake:check} uses);
 *     by default it is a warning
 * @param generate {@code lake.generate=true}: write the next migration of each drifted table
 * @param generateDirectory {@code lake.generateDirectory}: the source root migrations are written to
 * @param author {@code lake.author}
 * @param reason {@code lake.reason}
 * @param allowDestructive {@code lake.allowDestructive}: generated migrations may drop columns
 * @param tables {@code lake.tables}: which tables to generate for
 * @param avroDirectory {@code lake.avroDirectory}: where Avro schemas are; null for the default
 * @param projectDirectory {@code lake.projectDirectory}: the project's base directory; null to derive it
 */
record Options(boolean driftIsError, boolean generate, Path generateDirectory, String author, String reason,
    boolean allowDestructive, TableFilter tables, Path avroDirectory, Path projectDirectory) {

  static final String DRIFT = "lake.drift";
  static final String GENERATE = "lake.generate";
  static final String GENERATE_DIRECTORY = "lake.generateDirectory";
  static final String AUTHOR = "lake.author";
  static final String REASON = "lake.reason";
  static final String ALLOW_DESTRUCTIVE = "lake.allowDestructive";
  static final String TABLES = "lake.tables";
  static final String AVRO_DIRECTORY = "lake.avroDirectory";
  static final String PROJECT_DIRECTORY = "lake.projectDirectory";
  static final Set<String> ALL = Set.of(DRIFT, GENERATE, GENERATE_DIRECTORY, AUTHOR, REASON, ALLOW_DESTRUCTIVE,
      TABLES, AVRO_DIRECTORY, PROJECT_DIRECTORY);

  static Options parse(Map<String, String> options) {
    String drift = options.getOrDefault(DRIFT, "warning").strip().toLowerCase(Locale.ROOT);
    if (!drift.equals("warning") && !drift.equals("error")) {
      throw new IllegalArgumentException("Invalid -A" + DRIFT + "=" + drift + " (use warning or error)");
    }
    return new Options(drift.equals("error"), flag(options, GENERATE), path(options, GENERATE_DIRECTORY),
        options.getOrDefault(AUTHOR, System.getProperty("user.name", "")), options.getOrDefault(REASON, ""),
        flag(options, ALLOW_DESTRUCTIVE), TableFilter.parse(options.get(TABLES)), path(options, AVRO_DIRECTORY),
        path(options, PROJECT_DIRECTORY));
  }

  private static boolean flag(Map<String, String> options, String name) {
    String value = options.get(name);
    return value != null && (value.isEmpty() || Boolean.parseBoolean(value.strip()));
  }

  private static Path path(Map<String, String> options, String name) {
    String value = options.get(name);
    return value == null || value.isBlank() ? null : Path.of(value.strip());
  }
}
