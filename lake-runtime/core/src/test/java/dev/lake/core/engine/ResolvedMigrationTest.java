package dev.lake.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import org.junit.jupiter.api.Test;

class ResolvedMigrationTest {
  private static final Step STEP = Step.of("db.t", 1, new Change.SetProperty("k", "v"));

  @Test
  void theChecksumIsTheSteps() {
    ResolvedMigration migration = new ResolvedMigration(STEP, "V1", "", "", "", false, false);
    assertThat(migration.checksum()).isEqualTo(STEP.checksum());
    assertThat(new ResolvedMigration(STEP, "V1", "", "", "", false, false, false, STEP.checksum()))
        .isEqualTo(migration);
  }

  @Test
  void aChecksumOfAnotherStepIsRefused() {
    String other = Step.of("db.t", 1, new Change.SetProperty("k", "w")).checksum();
    assertThatThrownBy(() -> new ResolvedMigration(STEP, "V1", "", "", "", false, false, false, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Checksum " + other + " is not that of step 1 of db.t (" + STEP.checksum() + ")");
  }
}
