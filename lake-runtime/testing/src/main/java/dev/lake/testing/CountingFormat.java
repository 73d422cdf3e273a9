package dev.lake.testing;

import dev.lake.core.engine.LiveTable;
import dev.lake.core.engine.StepCommit;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A table format that counts the engine's loads and commits, passing each to the format it wraps. */
public final class CountingFormat<T> implements TableFormat<T> {
  private final TableFormat<T> format;
  private final AtomicInteger loads = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();

  private CountingFormat(TableFormat<T> format) {
    this.format = format;
  }

  public static <T> CountingFormat<T> of(TableFormat<T> format) {
    return new CountingFormat<>(format);
  }

  public int loads() {
    return loads.get();
  }

  public int commits() {
    return commits.get();
  }

  @Override
  public String catalog() {
    return format.catalog();
  }

  @Override
  public FormatRules rules() {
    return format.rules();
  }

  @Override
  public Optional<LiveTable<T>> load(TableName table) {
    loads.incrementAndGet();
    return format.load(table);
  }

  @Override
  public void commit(StepCommit<T> commit) {
    commits.incrementAndGet();
    format.commit(commit);
  }
}
