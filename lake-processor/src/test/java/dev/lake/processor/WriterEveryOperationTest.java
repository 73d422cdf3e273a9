package dev.lake.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.model.TableName;
import dev.lake.testing.EveryOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer declares every operation with its own annotation, and describes each removal as such. */
class WriterEveryOperationTest {

  @Test
  void eachOperationBecomesItsAnnotation() {
    for (Change change : EveryOperation.SAMPLES) {
      AnnotationSpec annotation = MigrationWriter.annotation(change);
      assertThat(((ClassName) annotation.type()).simpleName()).as(change.toString())
          .isEqualTo(change.getClass().getSimpleName());
    }
  }

  @Test
  void aRemovedPropertyIsNotDescribedAsSet() {
    TableName table = TableName.parse("db.t");
    List<Change> removal = Step.of("db.t", 1, new Change.RemoveProperty("owner")).changes();
    assertThat(MigrationWriter.description(table, 1, removal)).isEqualTo("remove properties");
    List<Change> set = Step.of("db.t", 1, new Change.SetProperty("owner", "x")).changes();
    assertThat(MigrationWriter.description(table, 1, set)).isEqualTo("set properties");
  }
}
