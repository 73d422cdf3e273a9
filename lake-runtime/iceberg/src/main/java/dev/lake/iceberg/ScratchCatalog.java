package dev.lake.iceberg;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.iceberg.BaseMetastoreCatalog;
import org.apache.iceberg.LocationProviders;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.inmemory.InMemoryFileIO;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/**
 * A catalog that keeps each table's {@link TableMetadata} as an object, for checking histories: Iceberg's
 * own metadata builders, schema updates and transactions run as on any catalog, and each commit is
 * the same compare-and-swap on the base metadata, but no metadata file is written or parsed.
 */
final class ScratchCatalog extends BaseMetastoreCatalog {
  private final Map<TableIdentifier, TableMetadata> tables = new ConcurrentHashMap<>();
  private final FileIO io = new InMemoryFileIO();
  private String name = "scratch";

  @Override
  public void initialize(String catalogName, Map<String, String> properties) {
    this.name = catalogName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected TableOperations newTableOps(TableIdentifier identifier) {
    return new Operations(identifier);
  }

  @Override
  protected String defaultWarehouseLocation(TableIdentifier identifier) {
    return "memory:/" + identifier.toString().replace('.', '/');
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    return tables.keySet().stream().filter(id -> id.namespace().equals(namespace)).collect(Collectors.toList());
  }

  @Override
  public boolean dropTable(TableIdentifier identifier, boolean purge) {
    return tables.remove(identifier) != null;
  }

  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    TableMetadata metadata = tables.remove(from);
    if (metadata == null) {
      throw new NoSuchTableException("Table does not exist: %s", from);
    }
    tables.put(to, metadata);
  }

  private final class Operations implements TableOperations {
    private final TableIdentifier identifier;
    private TableMetadata current;

    Operations(TableIdentifier identifier) {
      this.identifier = identifier;
      this.current = tables.get(identifier);
    }

    @Override
    public TableMetadata current() {
      return current;
    }

    @Override
    public TableMetadata refresh() {
      current = tables.get(identifier);
      return current;
    }

    @Override
    public void commit(TableMetadata base, TableMetadata metadata) {
      boolean swapped = base == null ? tables.putIfAbsent(identifier, metadata) == null
          : tables.replace(identifier, base, metadata);
      if (!swapped) {
        throw new CommitFailedException("Cannot commit %s: it changed since the base was read", identifier);
      }
      current = metadata;
    }

    @Override
    public FileIO io() {
      return io;
    }

    @Override
    public String metadataFileLocation(String fileName) {
      return defaultWarehouseLocation(identifier) + "/metadata/" + fileName;
    }

    @Override
    public LocationProvider locationProvider() {
      return LocationProviders.locationsFor(current.location(), current.properties());
    }
  }
}
