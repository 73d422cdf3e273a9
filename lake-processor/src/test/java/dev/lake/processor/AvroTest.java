package dev.lake.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lake.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.lake.core.model.TableModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Avro-backed declarations: the mapping of every Avro type. lake-iceberg checks the same corpus column by
 * column against Iceberg's own conversion ({@code AvroAgreementTest}).
 */
class AvroTest {
  private static final Path CORPUS = corpus();

  private static Path corpus() {
    try {
      return Path.of(AvroTest.class.getResource("/avro-corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TableModel declare(String table, String record) throws IOException {
    JavaFileObject declaration = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"" + table + "\", avro = \"" + record + "\")", "interface T {}");
    Compilation compilation = Sources.compile(List.of("-Alake.avroDirectory=" + CORPUS), declaration);
    assertThat(compilation).succeeded();
    return DeclarationTest.indexedModel(compilation, table);
  }

  @Test
  void avscRecordWithEveryAvroType() throws IOException {
    TableModel model = declare("db.users", "com.acme.User");
    assertThat(model.struct().toString()).isEqualTo("struct<id: long not null comment 'user id', "
        + "active: boolean not null, age: int, score: float not null, rank: double not null, name: string not null, "
        + "avatar: binary, hash: fixed[16] not null, status: string not null, balance: decimal(12, 2) not null, "
        + "born: date not null, wakes: time not null, sleeps: time not null, created: timestamptz not null, "
        + "updated: timestamptz not null, seen_utc: timestamptz not null, seen_local: timestamp not null, "
        + "local_ms: timestamp not null, local_us: timestamp not null, key: uuid not null, "
        + "tags: list<string not null> not null, maybe_tags: list<string>, counts: map<string, long not null> not null, "
        + "address: struct<city: string not null, zip: string>, "
        + "homes: list<struct<city: string not null, zip: string> not null> not null>");
  }

  @Test
  void avdlRecordFromAProtocol() throws IOException {
    TableModel model = declare("analytics.events", "com.acme.events.Event");
    assertThat(model.struct().toString()).isEqualTo("struct<id: long not null comment 'event id', "
        + "event_time: timestamptz not null, kind: string not null, device: struct<os: string not null, model: string>, "
        + "tags: list<string not null> not null, attrs: map<string, long> not null, amount: decimal(9, 2), "
        + "day: date not null, session: uuid not null>");
  }

  @Test
  void avprRecord() throws IOException {
    TableModel model = declare("sales.orders", "com.acme.orders.Order");
    assertThat(model.struct().toString()).isEqualTo("struct<id: long not null, "
        + "lines: list<struct<sku: string not null, qty: int not null> not null> not null, note: string>");
  }

  @Test
  void avroAliasesAreRenameHints() {
    JavaFileObject declaration = source("com.example.T", "package com.example;", "import dev.lake.annotations.*;",
        "@LakeTable(name = \"db.users\", avro = \"com.acme.User\")", "interface T {}");
    JavaFileObject history = source("com.example.m.V0000", "package com.example.m;", "import dev.lake.annotations.*;",
        "@Migration(table = \"db.users\", step = 0)", "@AddColumn(name = \"full_name\", type = \"string\")",
        "public final class V0000 implements LakeMigration {}");
    Compilation compilation = Sources.compile(List.of("-Alake.avroDirectory=" + CORPUS), declaration, history);
    assertThat(compilation).hadWarningContaining("rename column full_name to name");
  }
}
