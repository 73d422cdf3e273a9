package dev.lake.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppliedStateTest {
  private static StepRecord record(int step, String checksum) {
    return new StepRecord(step, checksum, StepRecord.APPLIED, "2026-01-0" + (step % 9 + 1) + "T00:00:00Z", "ci",
        "step " + step, "jdoe", "why " + step, step == 2, null);
  }

  private static AppliedState applied(int steps) {
    AppliedState state = AppliedState.NONE;
    for (int i = 0; i < steps; i++) {
      state = state.next(record(i, String.format("%016x", i)));
    }
    return state;
  }

  @Test
  void theStateAndItsHistoryGoThroughTheTablesProperties() {
    AppliedState state = applied(3).undoneTo(1, "2026-02-01T00:00:00Z", "ops").repaired(
        List.of("000000000000000a", "0000000000000001"), "fixed a typo");
    Map<String, String> properties = new HashMap<>(state.toProperties());
    properties.put("owner", "someone");

    AppliedState read = AppliedState.fromProperties("db.t", properties);

    assertThat(read).isEqualTo(state);
    assertThat(read.step()).isEqualTo(1);
    assertThat(read.undone()).containsOnlyKeys(2);
    assertThat(read.record(2).orElseThrow().event()).isEqualTo(StepRecord.UNDONE);
    assertThat(read.record(2).orElseThrow().destructive()).isTrue();
    assertThat(read.record(0).orElseThrow().repair()).isEqualTo("fixed a typo");
    assertThat(read.record(1).orElseThrow().repair()).isNull();
  }

  @Test
  void applyingAnUndoneStepAgainClearsItsMark() {
    AppliedState undone = applied(3).undoneTo(0, "t", "ops");
    assertThat(undone.undone()).containsOnlyKeys(1, 2);
    AppliedState again = undone.next(record(1, String.format("%016x", 1)));
    assertThat(again.undone()).containsOnlyKeys(2);
    assertThat(again.record(1).orElseThrow().event()).isEqualTo(StepRecord.APPLIED);
  }

  @Test
  void theHistoryKeepsTheNewestStepsAndShortTexts() {
    AppliedState state = AppliedState.NONE;
    for (int i = 0; i < AppliedState.MAX_RECORDS + 50; i++) {
      state = state.next(new StepRecord(i, "c" + i, StepRecord.APPLIED, "t", "ci", "d".repeat(1000), "a", "r", false,
          null));
    }
    assertThat(state.checksums()).hasSize(AppliedState.MAX_RECORDS + 50);
    assertThat(state.history()).hasSize(AppliedState.MAX_RECORDS);
    assertThat(state.history().get(0).step()).isEqualTo(50);
    assertThat(state.record(0)).isEmpty();
    assertThat(state.history()).allSatisfy(r -> assertThat(r.description()).hasSize(StepRecord.MAX_TEXT));
    assertThat(state.toProperties().get(AppliedState.HISTORY).length()).isLessThan(40_000);
  }

  @Test
  void aHistoryEditedByHandIsReportedNotGuessed() {
    Map<String, String> properties = new HashMap<>(applied(1).toProperties());
    properties.put(AppliedState.HISTORY, "[{\"checksum\": 3}");
    assertThatThrownBy(() -> AppliedState.fromProperties("db.t", properties))
        .isInstanceOf(LakeException.class).hasMessageStartingWith("Unreadable migration state in table db.t");
  }

  /** The history exactly as tables record it: what earlier versions wrote must read, and write back unchanged. */
  @Test
  void theRecordedHistoryTextIsStable() {
    String recorded = "[{\"step\":0,\"checksum\":\"00000000000000aa\",\"event\":\"applied\",\"at\":\"2026-01-01T00:00:00Z\","
        + "\"by\":\"ci\",\"description\":\"create \\\"events\\\"\",\"author\":\"jdoe\"},{\"step\":1,\"checksum\":"
        + "\"00000000000000bb\",\"event\":\"undone\",\"at\":\"t\",\"by\":\"ops\",\"reason\":\"r\",\"destructive\":true,"
        + "\"repair\":\"fixed\"}]";
    Map<String, String> properties = Map.of(AppliedState.STEP, "0", AppliedState.CHECKSUMS, "00000000000000aa",
        AppliedState.HISTORY, recorded);

    AppliedState state = AppliedState.fromProperties("db.t", properties);

    assertThat(state.history()).containsExactly(
        new StepRecord(0, "00000000000000aa", "applied", "2026-01-01T00:00:00Z", "ci", "create \"events\"", "jdoe",
            null, false, null),
        new StepRecord(1, "00000000000000bb", "undone", "t", "ops", null, null, "r", true, "fixed"));
    assertThat(state.toProperties().get(AppliedState.HISTORY)).isEqualTo(recorded);
  }

  @Test
  void fieldsALaterVersionAddsAreLeftAlone() {
    String recorded = "[{\"step\":0,\"checksum\":\"aa\",\"event\":\"applied\",\"at\":null,\"run\":{\"id\":[1,2]},"
        + "\"tags\":[\"x\"],\"by\":\"ci\"}]";
    AppliedState state = AppliedState.fromProperties("db.t", Map.of(AppliedState.STEP, "0",
        AppliedState.CHECKSUMS, "aa", AppliedState.HISTORY, recorded));
    assertThat(state.history()).containsExactly(new StepRecord(0, "aa", "applied", null, "ci", null, null, null,
        false, null));
  }

  @Test
  void everyMalformedHistoryIsUnreadable() {
    for (String history : List.of("{}", "[{\"step\":0,\"event\":\"applied\"}]", "[{\"checksum\":\"aa\",\"event\":\"x\"}]",
        "[{\"step\":\"zero\",\"checksum\":\"aa\",\"event\":\"x\"}]", "[] []", "[1]", "[{\"step\":0")) {
      Map<String, String> properties = new HashMap<>(applied(1).toProperties());
      properties.put(AppliedState.HISTORY, history);
      assertThatThrownBy(() -> AppliedState.fromProperties("db.t", properties)).as(history)
          .isInstanceOf(LakeException.class).hasMessageStartingWith("Unreadable migration state in table db.t");
    }
  }

  @Test
  void aStateWrittenBeforeHistoriesExistedStillReads() {
    Map<String, String> properties = Map.of(AppliedState.STEP, "1", AppliedState.CHECKSUMS, "aa,bb",
        AppliedState.APPLIED_AT, "t", AppliedState.APPLIED_BY, "u");
    AppliedState state = AppliedState.fromProperties("db.t", properties);
    assertThat(state.step()).isEqualTo(1);
    assertThat(state.history()).isEmpty();
    assertThat(state.undone()).isEmpty();
  }
}
