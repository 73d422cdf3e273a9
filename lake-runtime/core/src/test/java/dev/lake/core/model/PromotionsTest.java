package dev.lake.core.model;

import static dev.lake.core.model.FormatRules.ICEBERG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.replay.Replay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of primitive types, through replay: only Iceberg's three promotions (DESIGN §4) apply. */
class PromotionsTest {
  private static final List<Type> TYPES = types();
  private static final Set<String> ALLOWED = Set.of(
      "int -> long", "float -> double", "decimal(9, 2) -> decimal(12, 2)", "decimal(9, 2) -> decimal(38, 2)",
      "decimal(12, 2) -> decimal(38, 2)");

  private static List<Type> types() {
    List<Type> types = new ArrayList<>(List.of(PrimitiveType.values()));
    types.add(new DecimalType(9, 2));
    types.add(new DecimalType(12, 2));
    types.add(new DecimalType(12, 3));
    types.add(new DecimalType(38, 2));
    types.add(new FixedType(4));
    types.add(new FixedType(8));
    return types;
  }

  @Test
  void everyPairOfPrimitiveTypes() {
    int allowed = 0;
    for (Type from : TYPES) {
      for (Type to : TYPES) {
        if (from.equals(to)) {
          continue;
        }
        String pair = from + " -> " + to;
        TableModel model = TableModel.builder("db.t").column(Column.optional("c", from)).build();
        Step step = Step.of("db.t", 1, new Change.UpdateColumnType("c", to));
        assertThat(ICEBERG.isPromotionAllowed(from, to)).as(pair).isEqualTo(ALLOWED.contains(pair));
        if (ALLOWED.contains(pair)) {
          allowed++;
          assertThat(Replay.apply(model, step, ICEBERG).columns()).containsExactly(Column.optional("c", to));
        } else {
          assertThatThrownBy(() -> Replay.apply(model, step, ICEBERG)).as(pair)
              .isInstanceOf(StepException.class)
              .hasMessage("db.t step 1: Cannot change column type: c: " + pair + " (iceberg allows int -> long,"
                  + " float -> double, decimal(P, S) -> decimal(P2, S) with P2 > P; for another type, add a new"
                  + " column and drop this one)");
        }
      }
    }
    assertThat(allowed).isEqualTo(ALLOWED.size());
  }

  @Test
  void aTypeIsNotAPromotionOfItself() {
    for (Type type : TYPES) {
      assertThat(ICEBERG.isPromotionAllowed(type, type)).isFalse();
    }
  }
}
