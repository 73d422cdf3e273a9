package dev.lake.testing;

import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.Resolver;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes Lake's index for compiled test migrations, as the processor would, and resolves it. */
public final class TestIndex {
  private TestIndex() {}

  public static ClassLoader loader(Path dir, String table, List<Class<?>> migrations) {
    return loader(dir, table, FormatRules.DEFAULT_FORMAT, migrations);
  }

  /** As {@link #loader(Path, String, List)}, for a table of {@code format}. */
  public static ClassLoader loader(Path dir, String table, String format, List<Class<?>> migrations) {
    try {
      LakeIndex.write(dir, List.of(new LakeIndex.Entry(TableName.parse(table), format, Optional.empty(),
          migrations.stream().map(Class::getName).toList(), "test")));
      return new URLClassLoader(new URL[] {dir.toUri().toURL()}, TestIndex.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<TableName, ResolvedTable> resolve(Path dir, String table, List<Class<?>> migrations) {
    return Resolver.resolve(loader(dir, table, migrations));
  }

  /** As {@link #resolve(Path, String, List)}, for a table of {@code format}. */
  public static Map<TableName, ResolvedTable> resolve(Path dir, String table, String format,
      List<Class<?>> migrations) {
    return Resolver.resolve(loader(dir, table, format, migrations));
  }
}
