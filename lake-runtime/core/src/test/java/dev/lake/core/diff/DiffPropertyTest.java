package dev.lake.core.diff;

import static dev.lake.core.model.FormatRules.ICEBERG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.RandomModels;
import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.model.TableModel;
import dev.lake.core.replay.Replay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded generative test of diff and replay over random model pairs. */
class DiffPropertyTest {
  private static final int PAIRS = 2_000;

  @Test
  void replayOfDiffGivesTheDesiredModel() {
    int renames = 0;
    int replacements = 0;
    int moves = 0;
    for (int seed = 0; seed < PAIRS; seed++) {
      RandomModels random = new RandomModels(seed);
      TableModel history = random.model();
      RandomModels.Evolution evolution = random.evolve(history);
      TableModel desired = evolution.desired();

      List<Change> creation = Diff.between(TableModel.empty(history.name()), history, ICEBERG);
      assertThat(Replay.apply(TableModel.empty(history.name()), Step.of(history.name(), 0, creation), ICEBERG))
          .as("seed %s: step 0 creates the table", seed).isEqualTo(history);

      List<Change> changes = Diff.between(history, desired, evolution.hints(), ICEBERG);
      TableModel replayed = Replay.apply(history, Step.of(history.name(), 1, changes), ICEBERG);
      assertThat(replayed).as("seed %s: replay(A, diff(A, B)) = B\nA: %s\nB: %s\nchanges: %s", seed, history,
          desired, changes).isEqualTo(desired);

      assertThat(Diff.between(history, history, evolution.hints(), ICEBERG)).as("seed %s: diff(A, A)", seed).isEmpty();
      assertThat(Diff.between(desired, desired, ICEBERG)).as("seed %s: diff(B, B)", seed).isEmpty();
      assertThat(Diff.between(history, desired, evolution.hints(), ICEBERG)).as("seed %s: deterministic", seed)
          .isEqualTo(changes);

      // Any order but that of the adds, which a step keeps as written.
      List<Change> shuffled = new ArrayList<>(changes);
      Collections.shuffle(shuffled, new Random(seed));
      java.util.Iterator<Change> adds = changes.stream().filter(c -> c instanceof Change.AddColumn).iterator();
      shuffled.replaceAll(c -> c instanceof Change.AddColumn ? adds.next() : c);
      Step step = Step.of(history.name(), 1, changes);
      assertThat(Step.of(history.name(), 1, shuffled)).as("seed %s: the order changes are written in", seed)
          .isEqualTo(step);
      assertThat(Step.of(history.name(), 1, shuffled).checksum()).isEqualTo(step.checksum());

      renames += (int) changes.stream().filter(c -> c instanceof Change.RenameColumn).count();
      replacements += (int) changes.stream().filter(c -> c instanceof Change.DropColumn).count();
      moves += (int) changes.stream().filter(c -> c instanceof Change.MoveColumn).count();
    }
    // The generator must actually exercise renames, drops and moves, or the property proves little.
    assertThat(renames).isGreaterThan(PAIRS / 10);
    assertThat(replacements).isGreaterThan(PAIRS / 10);
    assertThat(moves).isGreaterThan(PAIRS / 20);
  }
}
