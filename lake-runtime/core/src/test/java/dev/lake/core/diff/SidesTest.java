package dev.lake.core.diff;

import static dev.lake.core.model.FormatRules.ICEBERG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.model.TableModel;
import org.junit.jupiter.api.Test;

/** Differences said from both sides, so a reader knows which side has what. */
class SidesTest {
  private static TableModel.Builder table() {
    return TableModel.builder("db.t").required("id", "long");
  }

  private static java.util.List<String> describe(TableModel steps, TableModel table) {
    return Sides.describe(steps, "steps 0 to 3", table, "the table", ICEBERG);
  }

  @Test
  void eachKindOfDifferenceNamesItsSide() {
    assertThat(describe(table().build(), table().optional("extra", "string").build()))
        .containsExactly("the table has column extra string; steps 0 to 3 do not");
    assertThat(describe(table().optional("gone", "int").build(), table().build()))
        .containsExactly("steps 0 to 3 have column gone int; the table does not");
    assertThat(describe(table().optional("n", "int").build(), table().optional("n", "long").build()))
        .containsExactly("column n is long in the table, int in steps 0 to 3");
    assertThat(describe(table().optional("n", "int").build(), table().required("n", "int").build()))
        .containsExactly("column n is required in the table, optional in steps 0 to 3");
    assertThat(describe(table().optional("ts", "date").build(), table().optional("ts", "date").partition("day(ts)")
        .build())).containsExactly("the table has partition field day(ts); steps 0 to 3 do not");
    assertThat(describe(table().property("owner", "a").build(), table().property("owner", "b").build()))
        .containsExactly("property owner is 'b' in the table, 'a' in steps 0 to 3");
    assertThat(describe(table().property("owner", "a").build(), table().build()))
        .containsExactly("steps 0 to 3 set property owner to 'a'; the table does not");
    assertThat(describe(table().build(), table().property("write.format.default", "orc").build()))
        .as("properties only the table has are its format's own").isEmpty();
  }
}
