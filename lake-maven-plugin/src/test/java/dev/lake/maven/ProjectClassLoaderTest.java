package dev.lake.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.annotations.LakeMigration;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectClassLoaderTest {
  @TempDir
  Path dir;

  /** Compiles one source file into {@code output}, against the test's own class path. */
  private static void compile(Path output, String className, String source) throws IOException {
    Path file = output.resolveSibling(output.getFileName() + "-src").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Files.createDirectories(output);
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", output.toString(),
        "-cp", System.getProperty("java.class.path"), file.toString());
    assertThat(status).isZero();
  }

  private static String version(Class<?> type) throws ReflectiveOperationException {
    Method method = type.getMethod("version");
    return (String) method.invoke(type.getDeclaredConstructor().newInstance());
  }

  @Test
  void theProjectsOwnClassesComeFromItsOutputDirectory() throws Exception {
    String source = "package com.example; public class Thing implements dev.lake.annotations.LakeMigration {"
        + " public String version() { return \"%s\"; } }";
    Path stale = dir.resolve("stale");
    Path output = dir.resolve("classes");
    compile(stale, "com.example.Thing", source.formatted("stale"));
    compile(output, "com.example.Thing", source.formatted("compiled"));

    // A parent that also has a class of that name: the plugin's realm, say, or an older build on its path.
    try (URLClassLoader parent = new URLClassLoader(new URL[] {stale.toUri().toURL()}, getClass().getClassLoader());
        ProjectClassLoader loader = new ProjectClassLoader(new URL[] {output.toUri().toURL()}, output, parent)) {
      Class<?> thing = Class.forName("com.example.Thing", false, loader);

      assertThat(thing.getClassLoader()).isSameAs(loader);
      assertThat(version(thing)).isEqualTo("compiled");
      // Lake's own types are the plugin's: a migration is a LakeMigration the engine knows.
      assertThat(LakeMigration.class.isAssignableFrom(thing)).isTrue();
      assertThat(loader.loadClass(LakeMigration.class.getName())).isSameAs(LakeMigration.class);
      // What the output directory does not have comes from the parent, as before.
      assertThat(loader.loadClass(List.class.getName())).isSameAs(List.class);
    }
  }
}
