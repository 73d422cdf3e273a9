package dev.lake.core.replay;

import static dev.lake.core.model.FormatRules.ICEBERG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private static final TableName T = TableName.parse("db.t");
  private static final Step CREATE = Step.of("db.t", 0, Change.AddColumn.of("", "id", "long", true, "", "", false),
      Change.AddColumn.of("", "n", "int", false, "", "", false));
  private static final Step PROMOTE = Step.of("db.t", 1, Change.UpdateColumnType.of("n", "long"));
  private static final Step RENAME = Step.of("db.t", 2, new Change.RenameColumn("n", "count"));

  @Test
  void replaysThroughAnyStep() {
    History history = History.of(T, List.of(RENAME, CREATE, PROMOTE), ICEBERG);
    assertThat(history.lastStep()).isEqualTo(2);
    assertThat(history.replay(-1)).isEqualTo(TableModel.empty(T));
    assertThat(history.replay(0).struct()).hasToString("struct<id: long not null, n: int>");
    assertThat(history.replay(1).struct()).hasToString("struct<id: long not null, n: long>");
    assertThat(history.replay().struct()).hasToString("struct<id: long not null, count: long>");
    assertThatThrownBy(() -> history.replay(3)).hasMessage("Cannot replay db.t through step 3: the history has steps 0 to 2");
  }

  @Test
  void stepsAreNumberedFromZeroWithoutGapsOrDuplicates() {
    assertThatThrownBy(() -> History.of(T, List.of(PROMOTE, RENAME), ICEBERG))
        .hasMessage("db.t step 1: Missing step 0: steps are numbered 0, 1, 2, ... without gaps (found [1, 2])");
    assertThatThrownBy(() -> History.of(T, List.of(CREATE, RENAME), ICEBERG))
        .hasMessage("db.t step 2: Missing step 1: steps are numbered 0, 1, 2, ... without gaps (found [0, 2])");
    assertThatThrownBy(() -> History.of(T, List.of(CREATE, PROMOTE, Step.of("db.t", 1, new Change.DropColumn("n"))), ICEBERG))
        .hasMessage("db.t step 1: Duplicate step: two migrations are step 1; renumber one of them to 2");
    assertThatThrownBy(() -> History.of(T, List.of(CREATE, PROMOTE, Step.of("db.t", 1, new Change.DropColumn("n")),
        Step.of("db.t", 3, new Change.DropColumn("n"))), ICEBERG))
        .as("the first free number, not the count").hasMessageContaining("renumber one of them to 2");
    assertThatThrownBy(() -> History.of(T, List.of(Step.of("db.u", 0, new Change.DropColumn("n"))), ICEBERG))
        .hasMessage("Step 0 of db.u is not a step of db.t");
  }

  @Test
  void aBrokenStepNamesItself() {
    History history = History.of(T, List.of(CREATE, Step.of("db.t", 1, Change.UpdateColumnType.of("n", "string"))), ICEBERG);
    assertThatThrownBy(history::replay).hasMessageStartingWith("db.t step 1: Cannot change column type: n: int -> string");
  }
}
