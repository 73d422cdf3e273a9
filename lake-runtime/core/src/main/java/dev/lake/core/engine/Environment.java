package dev.lake.core.engine;

import dev.lake.core.change.Change;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one catalog makes of the code's logical tables, so that one declaration and one history serve
 * every environment: a namespace may live under another name there ({@code analytics} as
 * {@code analytics_dev}), the catalog may hold only some tables, and {@code ${name}} placeholders in
 * property values take the catalog's values. Migrations, checksums and the processor only ever see
 * logical names and placeholders; the catalog only physical names and values.
 *
 * @param namespaces physical namespace by logical namespace ({@code a.b} for a nested one)
 * @param tables the logical tables this catalog holds
 * @param values placeholder values by name
 */
public record Environment(Map<String, String> namespaces, TableFilter tables, Map<String, String> values) {
  /**
   * The code's own names, every table, and placeholders left as written: the embedded catalog's, and
   * {@code lake:check}'s.
   */
  public static final Environment NONE = new Environment(Map.of(), TableFilter.parse(null), Map.of());

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  public Environment {
    namespaces = Map.copyOf(namespaces);
    Objects.requireNonNull(tables, "tables");
    values = Map.copyOf(values);
  }

  /** The table's name in this catalog. */
  public TableName physical(TableName logical) {
    String namespace = String.join(".", logical.namespace());
    String mapped = namespaces.get(namespace);
    return mapped == null ? logical : TableName.parse(mapped.strip() + "." + logical.name());
  }

  /** Whether this catalog holds the table. */
  public boolean holds(TableName logical) {
    return tables.test(logical);
  }

  /** The table's name for messages: both names where they differ, {@code analytics.events (analytics_dev.events)}. */
  public String describe(TableName logical) {
    TableName physical = physical(logical);
    return physical.equals(logical) ? logical.toString() : logical + " (" + physical + ")";
  }

  /**
   * The model as this catalog has it: under the table's physical name, with placeholders in property
   * values replaced by this catalog's values.
   */
  public TableModel resolve(TableModel model) {
    if (model == null) {
      return null;
    }
    TableName physical = physical(model.name());
    if (physical.equals(model.name()) && model.properties().values().stream().noneMatch(v -> v.contains("${"))) {
      return model;
    }
    java.util.SortedMap<String, String> properties = new TreeMap<>();
    model.properties().forEach((key, value) -> properties.put(key, substitute(value)));
    return new TableModel(physical, model.columns(), model.partitioning(), model.sortOrder(),
        model.identifierColumns(), properties);
  }

  /** The changes with placeholders in property values replaced by this catalog's values. */
  public List<Change> resolve(List<Change> changes) {
    List<Change> resolved = new ArrayList<>();
    for (Change change : changes) {
      resolved.add(change instanceof Change.SetProperty set
          ? new Change.SetProperty(set.key(), substitute(set.value())) : change);
    }
    return resolved;
  }

  /**
   * One message for each placeholder a table's steps use and this catalog gives no value for, naming
   * the placeholder, the migration and the catalog.
   */
  public List<String> missingValues(ResolvedTable table, String catalog) {
    if (this == NONE) {
      return List.of();
    }
    Map<String, String> missing = new TreeMap<>();
    for (ResolvedMigration migration : table.migrations()) {
      for (Change change : migration.step().changes()) {
        if (change instanceof Change.SetProperty set) {
          Matcher matcher = PLACEHOLDER.matcher(set.value());
          while (matcher.find()) {
            String name = matcher.group(1);
            if (!values.containsKey(name)) {
              missing.putIfAbsent(name, "Property " + set.key() + " of " + describe(table.name()) + " uses ${" + name
                  + "} (step " + migration.step().number() + ", " + migration.className() + "), which " + catalog
                  + " gives no value for: add <values><" + name + ">...</" + name + "></values> to that catalog's "
                  + "configuration");
            }
          }
        }
      }
    }
    return List.copyOf(missing.values());
  }

  private String substitute(String value) {
    if (!value.contains("${")) {
      return value;
    }
    Matcher matcher = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? matcher.group() : replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
