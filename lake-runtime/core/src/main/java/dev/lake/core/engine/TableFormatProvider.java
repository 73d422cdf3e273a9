package dev.lake.core.engine;

import dev.lake.core.model.FormatRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A table format, found by name through {@link ServiceLoader}: a format's module lists its provider in
 * {@code META-INF/services/dev.lake.core.engine.TableFormatProvider}, and adding the module to the
 * plugin's dependencies makes the format available.
 */
public interface TableFormatProvider {

  /** The format's name, as {@code @LakeTable(format = ...)} and a catalog's {@code <format>} say it. */
  String name();

  /** The format's rules; equal to {@link FormatRules#of} of {@link #name()}. */
  FormatRules rules();

  /**
   * Opens a catalog from its properties.
   *
   * @param catalogName the catalog's name, for messages
   * @throws LakeException when the catalog cannot be opened; the message names the catalog, never a
   *     property's value
   */
  TableFormat<?> open(String catalogName, Map<String, String> properties);

  /**
   * Opens the embedded catalog kept in {@code directory}, creating it on first use.
   *
   * @throws LakeException when it cannot be opened or created
   */
  TableFormat<?> openEmbedded(String catalogName, Path directory);

  /**
   * Opens a throwaway catalog for checking histories ({@code lake:check}): in memory where the format
   * can keep its tables there, with no file written; otherwise the embedded catalog in
   * {@code directory}. Same rules and verdicts as a real catalog of the format.
   */
  default TableFormat<?> openScratch(String catalogName, Path directory) {
    return openEmbedded(catalogName, directory);
  }

  /**
   * Frees what the format keeps for the whole JVM (caches, threads, shutdown hooks), once a build's
   * goal is done with every catalog it opened. Nothing by default.
   */
  default void release() {}

  /**
   * The provider of a format, by name (case-insensitive), among those {@code loader} sees.
   *
   * @throws LakeException naming the formats that are there and how to add the missing one
   */
  static TableFormatProvider named(String name, ClassLoader loader) {
    String wanted = name == null || name.isBlank() ? FormatRules.DEFAULT_FORMAT : name.strip().toLowerCase(Locale.ROOT);
    List<String> available = new ArrayList<>();
    for (TableFormatProvider provider : ServiceLoader.load(TableFormatProvider.class, loader)) {
      if (provider.name().equals(wanted)) {
        return provider;
      }
      available.add(provider.name());
    }
    throw new LakeException("No table format '" + wanted + "' is available (available: "
        + (available.isEmpty() ? "none" : String.join(", ", available.stream().sorted().toList())) + "): add "
        + "dev.lake:lake-" + wanted + " to the lake-maven-plugin's <dependencies>");
  }
}
