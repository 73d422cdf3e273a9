package com.example;

import java.io.File;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.types.Types;

/** What someone does by hand, outside Lake: adds a column with Iceberg's API, then writes a row that uses it. */
public final class HandChange {
  public static void main(String[] args) throws Exception {
    try (HadoopCatalog catalog = new HadoopCatalog(new Configuration(), new File(args[0]).getAbsolutePath())) {
      Table table = catalog.loadTable(TableIdentifier.of("analytics", "events"));
      table.updateSchema().addColumn("channel", Types.StringType.get()).commit();
      table.refresh();
      Schema schema = AvroSchemaUtil.convert(table.schema(), "events");
      File file = new File(table.location().replace("file:", ""), "data/by-hand.avro");
      file.getParentFile().mkdirs();
      try (DataFileWriter<GenericData.Record> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
        writer.create(schema, file);
        GenericData.Record row = new GenericData.Record(schema);
        row.put("id", 1L);
        row.put("name", "first");
        row.put("channel", "web");
        writer.append(row);
      }
      table.newAppend().appendFile(DataFiles.builder(table.spec()).withPath(file.getPath())
          .withFormat(FileFormat.AVRO).withRecordCount(1).withFileSizeInBytes(file.length()).build()).commit();
      System.out.println("By hand: channel has field id " + table.schema().findField("channel").fieldId());
    }
  }
}
