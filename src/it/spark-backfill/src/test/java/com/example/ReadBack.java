package com.example;

import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Reads the rows of main back from the embedded catalog, without Spark. */
public final class ReadBack {
  public static void main(String[] args) throws Exception {
    try (IcebergTableFormat format = IcebergCatalogs.embedded("it", Path.of(args[0]))) {
      Table table = format.icebergCatalog().loadTable(TableIdentifier.of("shop", "orders"));
      List<Record> rows = new ArrayList<>();
      try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
        records.forEach(rows::add);
      }
      rows.sort(Comparator.comparingLong(r -> (Long) r.getField("id")));
      for (Record row : rows) {
        System.out.println("Read back: " + row.getField("id") + " " + row.getField("amount") + " "
            + row.getField("amount_cents") + " " + row.getField("band"));
      }
      System.out.println("Branches: " + table.refs().keySet());
    }
  }
}
