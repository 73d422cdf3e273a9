package dev.lake.maven;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's compiled classes and runtime dependencies, over the plugin's own classes. A class
 * the project compiled is looked up in its output directory first: the usual parent-first search
 * would ask every jar of the plugin's realm for each migration class before finding it there (more
 * than half of what resolving thousands of migrations cost). Lake's own types and the
 * platform's always come from the parent, so migrations and the engine share them.
 */
final class ProjectClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Path outputDirectory;

  ProjectClassLoader(URL[] urls, Path outputDirectory, ClassLoader parent) {
    super(urls, parent);
    this.outputDirectory = outputDirectory;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith("java.") && !name.startsWith("dev.lake.")) {
      synchronized (getClassLoadingLock(name)) {
        Class<?> type = findLoadedClass(name);
        if (type == null && Files.isRegularFile(outputDirectory.resolve(name.replace('.', '/') + ".class"))) {
          type = findClass(name);
        }
        if (type != null) {
          if (resolve) {
            resolveClass(type);
          }
          return type;
        }
      }
    }
    return super.loadClass(name, resolve);
  }
}
