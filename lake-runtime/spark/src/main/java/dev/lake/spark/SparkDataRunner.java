package dev.lake.spark;

import dev.lake.core.change.SqlStatement;
import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.DataWork;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.model.TableName;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * Runs data work on a Spark session in this JVM: registers the work's Iceberg catalog in the session
 * (Iceberg's {@code SparkCatalog}, under the catalog's own name) and runs the statements, then the
 * migration's {@link SparkMigration} code, with {@code {table}} standing for the work's staging branch of
 * the table ({@code `catalog`.`ns`.`table`.`branch_<name>`}, Iceberg's identifier of a branch): reads see
 * main's data plus what the work wrote, writes land on the branch alone.
 * One session serves many steps and tables; the caller owns it.
 */
public final class SparkDataRunner implements DataStepRunner {
  private final SparkSession spark;
  private final ClassLoader loader;
  /** The name of the Iceberg catalog a Spark Connect server has, or null to register the work's own. */
  private final String serverCatalog;
  /** The properties each catalog was registered with: Spark keeps a catalog once it has loaded it. */
  private final Map<String, Map<String, String>> registered = new HashMap<>();

  /**
   * @param spark a session with Iceberg's SQL extensions ({@link EmbeddedSpark#builder})
   * @param loader sees the migration classes
   */
  public SparkDataRunner(SparkSession spark, ClassLoader loader) {
    this(spark, loader, null);
  }

  /**
   * A runner on a session whose server already has the tables' Iceberg catalog, as {@code serverCatalog}
   * (Spark Connect: a client cannot register catalogs on the server).
   */
  public SparkDataRunner(SparkSession spark, ClassLoader loader, String serverCatalog) {
    this.spark = spark;
    this.loader = loader;
    this.serverCatalog = serverCatalog;
  }

  @Override
  public synchronized void run(DataWork work) {
    String catalog = serverCatalog != null ? serverCatalog : register(work.catalogName(), work.catalog());
    String table = identifier(catalog, work.table()) + "." + quote("branch_" + work.branch());
    int number = 0;
    for (SqlStatement statement : work.sql()) {
      number++;
      try {
        spark.sql(statement.resolve(table)).collect();
      } catch (Exception e) {
        throw new LakeException("Cannot apply " + work.where() + ": " + work.migrationClass() + " @Sql statement "
            + number + " failed: " + statement + ": " + Messages.of(e));
      }
    }
    if (work.sparkCode()) {
      SparkMigration migration = instantiate(work.migrationClass());
      try {
        migration.apply(new Context(spark, table, work.step()));
      } catch (Exception e) {
        throw new LakeException("Cannot apply " + work.where() + ": " + work.migrationClass()
            + ".apply(SparkMigrationContext) failed: " + Messages.of(e));
      }
    }
  }

  private String register(String name, Map<String, String> properties) {
    Map<String, String> earlier = registered.get(name);
    if (earlier == null) {
      catalogConf(name, properties).forEach((key, value) -> spark.conf().set(key, value));
      registered.put(name, properties);
    } else if (!earlier.equals(properties)) {
      throw new LakeException("Cannot run data work on two catalogs named '" + name + "' in one Spark session");
    }
    return name;
  }

  /**
   * The Spark settings that register an Iceberg catalog as Spark catalog {@code name}: Iceberg's
   * {@code SparkCatalog} with the catalog's properties, without its table cache (each attempt at a
   * step's data work must see the table as it is now).
   */
  public static Map<String, String> catalogConf(String name, Map<String, String> properties) {
    Map<String, String> conf = new TreeMap<>();
    String prefix = "spark.sql.catalog." + name;
    conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
    properties.forEach((key, value) -> conf.put(prefix + "." + key, value));
    conf.put(prefix + ".cache-enabled", "false");
    return conf;
  }

  /** The table's identifier in Spark, every part quoted. */
  public static String identifier(String catalog, TableName table) {
    StringBuilder identifier = new StringBuilder(quote(catalog));
    for (String part : table.toString().split("\\.")) {
      identifier.append('.').append(quote(part));
    }
    return identifier.toString();
  }

  private static String quote(String part) {
    return "`" + part.replace("`", "``") + "`";
  }

  private SparkMigration instantiate(String className) {
    try {
      return ResolvedMigration.instantiate(className, loader, SparkMigration.class);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new LakeException("Cannot create migration " + className + " to run its Spark code: " + e);
    }
  }

  private record Context(SparkSession spark, String table, int step) implements SparkMigrationContext {}
}
