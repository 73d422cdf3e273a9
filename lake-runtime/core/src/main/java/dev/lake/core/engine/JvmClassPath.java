package dev.lake.core.engine;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The class path a JVM that Lake starts gets: what a class loader sees, as files. */
public final class JvmClassPath {
  /** Classes a worker needs that a loader may see through an import rather than hold. */
  private static final List<String> SHARED = List.of("org.slf4j.LoggerFactory");

  private JvmClassPath() {}

  /**
   * The class path of {@code loader} and the loaders above it, then of this JVM: the project's classes,
   * the plugin's (Lake, its formats, their libraries) and, in tests, the test class path.
   */
  public static List<String> of(ClassLoader loader) {
    Set<String> entries = new LinkedHashSet<>();
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          try {
            entries.add(Paths.get(url.toURI()).toString());
          } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file: nothing a JVM can put on its class path
          }
        }
      }
    }
    // What the loader sees but does not hold: a Maven plugin's realm imports SLF4J from Maven itself.
    for (String shared : SHARED) {
      try {
        var source = Class.forName(shared, false, loader).getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
          entries.add(Paths.get(source.getLocation().toURI()).toString());
        }
      } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException | SecurityException e) {
        // not there: the worker does without
      }
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(entry);
      }
    }
    return new ArrayList<>(entries);
  }
}
