package dev.lake.core.index;

import dev.lake.core.json.ModelJson;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The index that the annotation processor writes on every compile and the runtime reads, so that
 * nothing scans the class path:
 *
 * <pre>
 * META-INF/lake/tables                      one table name a line
 * META-INF/lake/&lt;table&gt;/model.json          the declared model, in its canonical JSON form
 * META-INF/lake/&lt;table&gt;/migrations          the migration classes of the table, one a line
 * </pre>
 *
 * <p>Several class path entries (modules of a reactor) may each hold an index; their tables must not
 * overlap.
 */
public final class LakeIndex {
  public static final String ROOT = "META-INF/lake/";
  public static final String TABLES = ROOT + "tables";

  /** One table of the index: its declared model (if declared) and its migration classes. */
  public record Entry(TableName table, Optional<TableModel> model, List<String> migrationClasses, String source) {
    public Entry {
      migrationClasses = List.copyOf(migrationClasses);
    }
  }

  private LakeIndex() {}

  /** The index files of these entries: path below the class output to content. */
  public static Map<String, String> files(List<Entry> entries) {
    Map<String, String> files = new TreeMap<>();
    files.put(TABLES, lines(entries.stream().map(e -> e.table().toString()).sorted().toList()));
    for (Entry entry : entries) {
      String dir = ROOT + entry.table() + "/";
      entry.model().ifPresent(model -> files.put(dir + "model.json", ModelJson.write(model)));
      files.put(dir + "migrations", lines(entry.migrationClasses()));
    }
    return files;
  }

  /** Writes the index of these entries below a class output directory. */
  public static void write(Path classOutput, List<Entry> entries) throws IOException {
    for (Map.Entry<String, String> file : files(entries).entrySet()) {
      Path path = classOutput.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Reads every index visible to the class loader, by table name.
   *
   * @throws IllegalStateException when two indexes hold the same table, or a file is unreadable
   */
  public static Map<TableName, Entry> read(ClassLoader loader) {
    Map<TableName, Entry> entries = new TreeMap<>();
    try {
      Enumeration<URL> indexes = loader.getResources(TABLES);
      for (URL index : Collections.list(indexes)) {
        String base = index.toString().substring(0, index.toString().length() - "tables".length());
        for (String name : nonBlank(read(index))) {
          TableName table = TableName.parse(name);
          URL modelUrl = new URL(base + table + "/model.json");
          Optional<TableModel> model = exists(modelUrl) ? Optional.of(ModelJson.read(read(modelUrl))) : Optional.empty();
          URL migrationsUrl = new URL(base + table + "/migrations");
          List<String> migrations = exists(migrationsUrl) ? nonBlank(read(migrationsUrl)) : List.of();
          Entry entry = new Entry(table, model, migrations, index.toString());
          Entry previous = entries.putIfAbsent(table, entry);
          if (previous != null) {
            throw new IllegalStateException("Table " + table + " is declared twice: in " + previous.source()
                + " and in " + index + "; declare each table in one module");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Lake's index (" + TABLES + ")", e);
    }
    return entries;
  }

  private static boolean exists(URL url) {
    try (InputStream in = url.openStream()) {
      return in != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> nonBlank(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  private static String lines(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
