package dev.lake.core.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rename hints of a declaration ({@code @Column(formerly = ...)}, Avro {@code aliases}): for a declared
 * column path, the leaf names the column had before, within the same parent.
 *
 * @param formerNames declared column path to former leaf names
 */
public record RenameHints(Map<String, List<String>> formerNames) {

  private static final RenameHints NONE = new RenameHints(Map.of());

  public RenameHints {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    formerNames.forEach((path, names) -> copy.put(path, List.copyOf(names)));
    formerNames = Map.copyOf(copy);
  }

  public static RenameHints none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The former names of the declared column at {@code path}; empty when it has none. */
  public List<String> of(String path) {
    return formerNames.getOrDefault(path, List.of());
  }

  /** Collects hints. */
  public static final class Builder {
    private final Map<String, List<String>> formerNames = new LinkedHashMap<>();

    private Builder() {}

    public Builder add(String path, String... former) {
      return add(path, List.of(former));
    }

    public Builder add(String path, Collection<String> former) {
      formerNames.computeIfAbsent(path, p -> new ArrayList<>()).addAll(former);
      return this;
    }

    public RenameHints build() {
      return new RenameHints(formerNames);
    }
  }
}
