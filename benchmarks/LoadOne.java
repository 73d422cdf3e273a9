import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The floor under {@code lake:status} on one table (goals.sh): Iceberg's own catalog opening the
 * embedded catalog and loading the table, in a fresh JVM, and nothing else. With no argument, a JVM
 * that only starts: the floor under that.
 */
public class LoadOne {
  public static void main(String[] args) {
    if (args.length == 0) {
      System.out.println("started");
      return;
    }
    Path dir = Path.of(args[0]);
    Catalog catalog = CatalogUtil.buildIcebergCatalog("lake", Map.of(
        "type", "jdbc", "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", dir.resolve("warehouse").toUri().toString(), "jdbc.schema-version", "V1",
        "io-impl", "dev.lake.iceberg.LocalFileIO"), null);
    Table table = catalog.loadTable(TableIdentifier.parse(args[1]));
    System.out.println(table.name() + " at step " + table.properties().get("lake.migration.step"));
  }
}
