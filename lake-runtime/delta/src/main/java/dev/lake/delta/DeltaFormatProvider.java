package dev.lake.delta;

import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.engine.TableFormatProvider;
import dev.lake.core.model.FormatRules;
import io.delta.kernel.defaults.engine.DefaultEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The {@code delta} format, for {@link java.util.ServiceLoader}. A Delta catalog is a root location,
 * its {@code warehouse} property (a path or a URI Hadoop reaches); other properties are Hadoop
 * settings for reaching it ({@code fs.s3a.endpoint}, ...). The embedded catalog keeps its tables in
 * {@code delta/} below its directory.
 */
public final class DeltaFormatProvider implements TableFormatProvider {
  /** The property that names the root location. */
  public static final String WAREHOUSE = "warehouse";
  /** Below the embedded directory. */
  public static final String EMBEDDED_ROOT = "delta";

  static {
    String key = "org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "error");
    }
  }

  @Override
  public String name() {
    return FormatRules.DELTA.format();
  }

  @Override
  public FormatRules rules() {
    return FormatRules.DELTA;
  }

  @Override
  public TableFormat<?> open(String catalogName, Map<String, String> properties) {
    String description = "catalog '" + catalogName + "' (delta)";
    String warehouse = properties.get(WAREHOUSE);
    if (warehouse == null || warehouse.isBlank()) {
      throw new LakeException("Cannot open " + description + ": set its <warehouse> property to the root location "
          + "of its tables (a table ns.t lives at <warehouse>/ns/t)");
    }
    Configuration configuration = configuration();
    properties.forEach((key, value) -> {
      if (!key.equals(WAREHOUSE) && !key.equals("type")) {
        configuration.set(key, value);
      }
    });
    String root = warehouse.contains(":") ? warehouse : Path.of(warehouse).toAbsolutePath().toUri().toString();
    return new DeltaTableFormat(description, root, DefaultEngine.create(configuration));
  }

  @Override
  public TableFormat<?> openEmbedded(String catalogName, Path directory) {
    Path root = directory.resolve(EMBEDDED_ROOT).toAbsolutePath();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new LakeException("Cannot create the embedded Delta catalog in " + root + ": " + e.getMessage(), e);
    }
    return new DeltaTableFormat("catalog '" + catalogName + "' (embedded delta)", root.toUri().toString(),
        DefaultEngine.create(configuration()));
  }

  /** Hadoop's configuration for Kernel, with a log store that local writers can share. */
  private static Configuration configuration() {
    Configuration configuration = new Configuration();
    configuration.set("io.delta.kernel.logStore.file.impl", LocalLogStore.class.getName());
    return configuration;
  }

  /** Hadoop's file systems, which Kernel's default engine uses: as for Iceberg, closed before Maven's realm goes. */
  @Override
  public void release() {
    try {
      org.apache.hadoop.fs.FileSystem.closeAll();
    } catch (IOException e) {
      // nothing is lost: every commit has landed or not by now
    }
    for (String name : List.of("org.apache.hadoop.util.ShutdownHookManager$1",
        "org.apache.hadoop.util.ShutdownHookManager$2", "org.apache.hadoop.util.ShutdownHookManager$HookEntry")) {
      try {
        Class.forName(name, false, DeltaFormatProvider.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        // another Hadoop version: nothing to load
      }
    }
  }
}
