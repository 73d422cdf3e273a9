package dev.lake.iceberg;

import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.Resolver;
import dev.lake.core.index.LakeIndex;
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
final class TestIndex {
  private TestIndex() {}

  static ClassLoader loader(Path dir, String table, List<Class<?>> migrations) {
    try {
      LakeIndex.write(dir, List.of(new LakeIndex.Entry(TableName.parse(table), Optional.empty(),
          migrations.stream().map(Class::getName).toList(), "test")));
      return new URLClassLoader(new URL[] {dir.toUri().toURL()}, TestIndex.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<TableName, ResolvedTable> resolve(Path dir, String table, List<Class<?>> migrations) {
    return Resolver.resolve(loader(dir, table, migrations));
  }
}
