package dev.lake.iceberg;

import dev.lake.core.engine.TableFormat;
import dev.lake.core.engine.TableFormatProvider;
import dev.lake.core.model.FormatRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The {@code iceberg} format, for {@link java.util.ServiceLoader}. */
public final class IcebergFormatProvider implements TableFormatProvider {
  static {
    // Hadoop, the local file I/O of Iceberg's catalogs, warns on every run that it has no native library.
    String key = "org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "error");
    }
  }

  @Override
  public String name() {
    return FormatRules.ICEBERG.format();
  }

  @Override
  public FormatRules rules() {
    return FormatRules.ICEBERG;
  }

  /** Whether a catalog that may use Hadoop's file I/O was opened: only then has Hadoop anything to free. */
  private static volatile boolean hadoopMayBeUsed;

  @Override
  public TableFormat<?> open(String catalogName, Map<String, String> properties) {
    hadoopMayBeUsed = true;
    return IcebergCatalogs.open(catalogName, properties);
  }

  @Override
  public TableFormat<?> openEmbedded(String catalogName, Path directory) {
    return IcebergCatalogs.embedded(catalogName, directory);
  }

  /**
   * Table metadata kept as objects in memory: the same metadata builders, schema updates and commit
   * checks as on a real catalog, with no file, database or Hadoop class involved.
   */
  @Override
  public TableFormat<?> openScratch(String catalogName, Path directory) {
    ScratchCatalog catalog = new ScratchCatalog();
    catalog.initialize(catalogName, Map.of());
    return new IcebergTableFormat("catalog '" + catalogName + "' (in-memory)", catalog);
  }

  /**
   * Makes Hadoop's JVM shutdown hooks harmless. Hadoop runs them when the JVM exits, and loads their
   * classes only then; inside Maven, the plugin's class realm is gone by then and they fail with
   * NoClassDefFoundError. So close the cached file systems, leaving the hook that would close them
   * nothing to do, and load the hook manager's own classes while they can still be loaded.
   */
  @Override
  public void release() {
    if (!hadoopMayBeUsed) {
      return;
    }
    try {
      org.apache.hadoop.fs.FileSystem.closeAll();
    } catch (IOException e) {
      // nothing is lost: every commit has landed or not by now
    }
    for (String name : List.of("org.apache.hadoop.util.ShutdownHookManager$1",
        "org.apache.hadoop.util.ShutdownHookManager$2", "org.apache.hadoop.util.ShutdownHookManager$HookEntry")) {
      try {
        Class.forName(name, false, IcebergFormatProvider.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        // another Hadoop version: nothing to load
      }
    }
  }
}
