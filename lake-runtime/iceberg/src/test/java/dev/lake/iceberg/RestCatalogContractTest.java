package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.engine.MigrateOptions;
import dev.lake.testing.EventsMigrations;
import dev.lake.testing.TestIndex;
import org.junit.jupiter.api.Test;

/** The format contract on Iceberg's REST catalog server, as its own process on 127.0.0.1. */
class RestCatalogContractTest extends IcebergContract {
  @Override
  String kind() {
    return Catalogs.REST;
  }

  @Test
  void theCommitGuardLeavesNoSchemaBehind() {
    try (IcebergTableFormat format = Catalogs.open(kind(), dir)) {
      assertThat(engine(format, TestIndex.resolve(dir.resolve("classes"), EVENTS.toString(), EventsMigrations.ALL))
          .migrate(MigrateOptions.defaults()).messages()).isEmpty();
      assertThat(metadata(format, EVENTS).schemas()).as("the REST guard's schema is gone")
          .allSatisfy(s -> assertThat(s.findField(RestCommitGuard.GUARD_COLUMN)).isNull());
    }
  }
}
