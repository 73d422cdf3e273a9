package dev.lake.maven;

import dev.lake.core.engine.Environment;
import dev.lake.core.engine.TableFilter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named catalog in the plugin's configuration:
 *
 * <pre>{@code
 * <catalog>
 *   <name>prod</name>
 *   <format>iceberg</format>
 *   <type>rest</type>
 *   <properties>
 *     <uri>https://catalog.example.com/</uri>
 *     <warehouse>prod</warehouse>
 *   </properties>
 * </catalog>
 * }</pre>
 *
 * <p>The format ({@code iceberg} by default) says which table format's module opens it; for Iceberg,
 * the properties are Iceberg catalog properties, given to Iceberg's {@code CatalogUtil}.
 *
 * <p>A catalog is also an environment: {@code <namespaces>} maps the code's logical namespaces to the
 * catalog's ({@code <analytics>analytics_dev</analytics>}), {@code <tables>} limits it to some tables,
 * and {@code <values>} fills {@code ${name}} placeholders in {@code @SetProperty} values.
 */
public class Catalog {
  /** The name that {@code -Dlake.catalog} selects. */
  String name;

  /** The table format of this catalog's tables: {@code iceberg} by default. */
  String format;

  /** The catalog type, for Iceberg: {@code hadoop}, {@code jdbc}, {@code rest}, {@code glue}, ... */
  String type;

  /** The catalog's properties, as its format takes them. */
  Map<String, String> properties = new LinkedHashMap<>();

  /**
   * A {@code <server>} of {@code settings.xml} that holds this catalog's secret: its password (and
   * username) become the properties named by {@link #passwordProperty} (and {@link #usernameProperty}).
   */
  String serverId;

  /** The catalog property the server's password goes to, such as {@code jdbc.password} or {@code token}. */
  String passwordProperty;

  /** The catalog property the server's username goes to, such as {@code jdbc.user}; none by default. */
  String usernameProperty;

  /** The catalog's namespace for each logical namespace that it names otherwise. */
  Map<String, String> namespaces = new LinkedHashMap<>();

  /** The logical tables this catalog holds, as comma-separated globs; all by default. */
  String tables;

  /** Values for {@code ${name}} placeholders in property values, by name. */
  Map<String, String> values = new LinkedHashMap<>();

  /** What this catalog makes of the code's logical tables. */
  Environment environment() {
    return new Environment(namespaces == null ? Map.of() : namespaces, TableFilter.parse(tables),
        values == null ? Map.of() : values);
  }

  /** All properties, the type included. */
  Map<String, String> catalogProperties() {
    Map<String, String> all = new LinkedHashMap<>(properties);
    if (type != null && !type.isBlank()) {
      all.put("type", type);
    }
    return all;
  }
}
