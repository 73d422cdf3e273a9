package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** Runs after lake:migrate has applied the history to the test catalog. */
class EventsIT {
  @Test
  void theTableHasEveryStep() throws Exception {
    try (HadoopCatalog catalog = new HadoopCatalog(new Configuration(), System.getProperty("testWarehouse"))) {
      Table table = catalog.loadTable(TableIdentifier.of("analytics", "events"));
      assertEquals(List.of("id", "event_time", "name"),
          table.schema().columns().stream().map(Types.NestedField::name).toList());
      assertEquals("1", table.properties().get("lake.migration.step"));
    }
  }
}
