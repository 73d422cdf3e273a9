package dev.lake.core.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lake.core.json.JsonTree;
import dev.lake.core.model.TableName;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What {@code lake:check} runs after the drift verdict: applies every table's whole history to a
 * throwaway catalog of its format and compares the result with the declaration. Runs in the calling
 * JVM, or in a JVM of its own ({@link #forked}): a check is a short burst of work over thousands of
 * steps, and in a long-lived build JVM most of its CPU goes to the optimizing JIT compiler compiling
 * code the check stops running soon after; its own JVM runs the quick compiler alone.
 */
public final class HistoryCheck {
  /**
   * The options of a forked check's JVM: the quick JIT compiler alone (C2 costs more than it saves in
   * a run this short) and the serial collector (one thread, a small heap).
   */
  public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * What a check found.
   *
   * @param tables how many tables it checked
   * @param problems one message per problem: a step the format refused, a broken history, a result that
   *     is not the declared table; empty when every table matches
   */
  public record Outcome(int tables, List<String> problems) {
    public Outcome {
      problems = List.copyOf(problems);
    }
  }

  private HistoryCheck() {}

  /**
   * Checks these tables in this JVM, on throwaway catalogs below {@code directory} (cleared first),
   * with the formats {@code formats} sees.
   */
  public static Outcome run(Map<TableName, ResolvedTable> tables, Path directory, ClassLoader loader,
      ClassLoader formats) {
    delete(directory);
    List<String> problems = new ArrayList<>();
    Map<String, Map<TableName, ResolvedTable>> byFormat = new TreeMap<>();
    tables.forEach((name, table) -> byFormat.computeIfAbsent(table.format(), f -> new TreeMap<>()).put(name, table));
    for (Map.Entry<String, Map<TableName, ResolvedTable>> format : byFormat.entrySet()) {
      try {
        TableFormatProvider provider = TableFormatProvider.named(format.getKey(), formats);
        try {
          try (TableFormat<?> scratch = provider.openScratch("check", directory.resolve(format.getKey()))) {
            problems.addAll(check(scratch, format.getValue(), loader));
          }
        } finally {
          provider.release();
        }
      } catch (LakeException e) {
        problems.add(e.getMessage());
      }
    }
    return new Outcome(tables.size(), problems);
  }

  /** Applies every history to an empty catalog: what fails, and where the result is not the declaration. */
  private static List<String> check(TableFormat<?> format, Map<TableName, ResolvedTable> tables, ClassLoader loader) {
    List<String> problems = new ArrayList<>();
    MigrateResult result = new Engine(format, tables, loader, Clock.systemUTC(), "lake:check")
        .migrate(MigrateOptions.defaults().withAllowDestructive(true).withSchemaOnly(true));
    problems.addAll(result.messages().values());
    for (ResolvedTable table : tables.values()) {
      if (table.declared().isPresent() && !result.failures().containsKey(table.name())) {
        List<String> differences = Engine.differences(table.declared().get(),
            format.load(table.name()).orElseThrow().model(), table.history().rules());
        if (!differences.isEmpty()) {
          problems.add(table.name() + ": applying its history does not give the declared table: "
              + String.join("; ", differences));
        }
      }
    }
    return problems;
  }

  /**
   * Checks the tables of the index that {@code loader} sees (the project's classes, the plugin's), as
   * {@link #run} would, in a new JVM started with {@link #JVM_OPTIONS} and {@code loader}'s class path.
   * Its output goes to {@code worker.log} in {@code directory}.
   *
   * @param tables the tables to check, as comma-separated globs; null for all
   * @throws LakeException when the JVM cannot start or stops without an answer
   */
  public static Outcome forked(Path directory, String tables, ClassLoader loader) {
    delete(directory);
    Path result = directory.resolve("result.json");
    Path log = directory.resolve("worker.log");
    Path arguments = directory.resolve("worker.args");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    // The class path goes in an argument file: a project's can be longer than a command line may be.
    command.add("@" + arguments);
    command.add(HistoryCheck.class.getName());
    command.add(directory.resolve("catalogs").toString());
    command.add(result.toString());
    if (tables != null) {
      command.add(tables);
    }
    int exit;
    Process worker = null;
    try {
      Files.createDirectories(directory);
      Files.writeString(arguments, "-cp " + quoted(String.join(File.pathSeparator, JvmClassPath.of(loader))) + "\n",
          StandardCharsets.UTF_8);
      worker = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
      worker.getOutputStream().close();
      exit = worker.waitFor();
    } catch (IOException e) {
      throw new LakeException("Cannot start the JVM that checks the histories: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      worker.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new LakeException("Interrupted while checking the histories", e);
    }
    if (exit != 0 || !Files.isRegularFile(result)) {
      throw new LakeException("The JVM that checks the histories stopped with exit code " + exit + " without an "
          + "answer (run with -Dlake.check.fork=false to check in Maven's own JVM). The end of its output, in " + log
          + ":\n" + tail(log));
    }
    try {
      return read(Files.readString(result, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new LakeException("Cannot read the answer of the JVM that checked the histories, " + result + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The forked check: {@code catalogs result [tables]}. Writes the outcome to {@code result}; exits
   * with 0 when it could check (whatever it found), 1 otherwise, with the reason on its output.
   */
  public static void main(String[] args) throws IOException {
    ClassLoader loader = HistoryCheck.class.getClassLoader();
    TableFilter filter = TableFilter.parse(args.length > 2 ? args[2] : null);
    Outcome outcome;
    try {
      Map<TableName, ResolvedTable> tables = new TreeMap<>(Resolver.resolve(loader));
      tables.keySet().removeIf(name -> !filter.test(name));
      outcome = run(tables, Path.of(args[0]), loader, loader);
    } catch (LakeException e) {
      outcome = new Outcome(0, List.of(e.getMessage()));
    }
    Files.writeString(Path.of(args[1]), write(outcome), StandardCharsets.UTF_8);
    System.exit(0);
  }

  static String write(Outcome outcome) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("tables", outcome.tables());
      json.writeArrayFieldStart("problems");
      for (String problem : outcome.problems()) {
        json.writeString(problem);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static Outcome read(String text) throws IOException {
    if (!(JsonTree.parse(text) instanceof Map<?, ?> answer) || !(answer.get("tables") instanceof Long tables)
        || !(answer.get("problems") instanceof List<?> problems)) {
      throw new IllegalArgumentException("not an answer of the check: " + text);
    }
    return new Outcome(tables.intValue(), problems.stream().map(String::valueOf).toList());
  }

  /** A value for a {@code java} argument file: quoted, with its backslashes and quotes escaped. */
  static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The last lines of a file, for a message. */
  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + directory, e);
    }
  }
}
