package com.example;

import java.io.File;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;

/** Reads the table's data files back: each value found by the field id the table's schema gives its column. */
public final class ReadBack {
  public static void main(String[] args) throws Exception {
    try (HadoopCatalog catalog = new HadoopCatalog(new Configuration(), new File(args[0]).getAbsolutePath())) {
      Table table = catalog.loadTable(TableIdentifier.of("analytics", "events"));
      int channelId = table.schema().findField("channel").fieldId();
      try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
        for (FileScanTask task : tasks) {
          File file = new File(task.file().path().toString());
          try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file, new GenericDatumReader<>())) {
            var field = reader.getSchema().getFields().stream()
                .filter(f -> String.valueOf(channelId).equals(String.valueOf(f.getObjectProp("field-id"))))
                .findFirst().orElseThrow(() -> new IllegalStateException("no field with id " + channelId));
            for (GenericRecord row : reader) {
              System.out.println("Read back: id " + row.get("id") + ", channel (field id " + channelId + ") = "
                  + row.get(field.name()) + ", schema step " + table.properties().get("lake.migration.step"));
            }
          }
        }
      }
    }
  }
}
