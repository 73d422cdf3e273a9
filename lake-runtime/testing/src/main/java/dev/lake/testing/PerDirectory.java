package dev.lake.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A catalog fixture per test directory, one at a time: asking for another directory's stops the
 * previous one, and the JVM stops the last one when it exits.
 */
public final class PerDirectory<T> {
  private final Function<Path, T> start;
  private final Consumer<T> stop;
  private final Map<Path, T> running = new HashMap<>();

  public PerDirectory(Function<Path, T> start, Consumer<T> stop) {
    this.start = start;
    this.stop = stop;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (running) {
        running.values().forEach(stop);
      }
    }));
  }

  public T get(Path directory) {
    synchronized (running) {
      running.entrySet().removeIf(entry -> {
        if (!entry.getKey().equals(directory)) {
          stop.accept(entry.getValue());
          return true;
        }
        return false;
      });
      return running.computeIfAbsent(directory, start);
    }
  }
}
