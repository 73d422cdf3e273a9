package dev.lake.testing;

import static dev.lake.core.model.FormatRules.ICEBERG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.change.Change;
import dev.lake.core.change.Lint;
import dev.lake.core.change.Reversal;
import dev.lake.core.change.Step;
import dev.lake.core.model.TableModel;
import dev.lake.core.replay.Replay;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation, listed: a new {@link Change} fails here until it has a {@link Change.Visitor} method
 * (and so until every consumer, which implements the visitor, handles it) and a sample in
 * {@link EveryOperation} that the core's consumers take.
 */
class EveryOperationTest {
  @Test
  void everyOperationHasAVisitorMethodAndASample() {
    Set<Class<?>> operations = Set.of(Change.class.getPermittedSubclasses());
    Set<Class<?>> visited = Arrays.stream(Change.Visitor.class.getDeclaredMethods())
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    assertThat(visited).as("a Visitor method per operation").isEqualTo(operations);
    for (Method method : Change.Visitor.class.getDeclaredMethods()) {
      String type = method.getParameterTypes()[0].getSimpleName();
      assertThat(method.getName()).isEqualTo(Character.toLowerCase(type.charAt(0)) + type.substring(1));
    }
    assertThat(EveryOperation.SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet())).as("a sample per operation")
        .isEqualTo(operations);
  }

  @Test
  void eachOperationDispatchesToItsOwnMethod() {
    Change.Visitor<String> names = (Change.Visitor<String>) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {Change.Visitor.class},
        (proxy, method, args) -> method.getParameterTypes()[0].getSimpleName());
    for (Change change : EveryOperation.SAMPLES) {
      assertThat(change.accept(names)).isEqualTo(change.getClass().getSimpleName());
    }
  }

  @Test
  void theCoreConsumersTakeEveryOperation() {
    for (Change change : EveryOperation.SAMPLES) {
      assertThat(Lint.classify(change)).as(change.toString()).isNotNull();
      assertThat(change.canonical()).startsWith(change.getClass().getSimpleName() + "{");
    }
    Step step = Step.of(EveryOperation.BEFORE.name(), 1, EveryOperation.SAMPLES);
    assertThat(step.changes()).hasSize(EveryOperation.SAMPLES.size());
    TableModel after = Replay.apply(EveryOperation.BEFORE, step, ICEBERG);
    assertThat(after.find("added")).isPresent();
    assertThat(after.find("gone")).isEmpty();
    assertThat(after.find("event_time")).isPresent();
    assertThat(after.columns().get(0).name()).isEqualTo("name");
    assertThat(after.properties()).containsEntry("k", "v").doesNotContainKey("owner");
    assertThat(after.identifierColumns()).containsExactly("id", "name");
  }

  @Test
  void undoKnowsWhichOperationsItCanTakeBack() {
    // Every operation must be listed: a new one fails here until someone decides whether undo takes it back.
    java.util.Map<String, Boolean> reversible = java.util.Map.ofEntries(
        java.util.Map.entry("AddColumn", true), java.util.Map.entry("DropColumn", false),
        java.util.Map.entry("RenameColumn", true), java.util.Map.entry("UpdateColumnType", false),
        java.util.Map.entry("MakeOptional", false), java.util.Map.entry("RequireColumn", true),
        java.util.Map.entry("UpdateColumnDoc", true), java.util.Map.entry("MoveColumn", true),
        java.util.Map.entry("AddPartitionField", true), java.util.Map.entry("DropPartitionField", true),
        java.util.Map.entry("SetSortOrder", true), java.util.Map.entry("SetIdentifierColumns", true),
        java.util.Map.entry("SetProperty", true), java.util.Map.entry("RemoveProperty", true));
    assertThat(reversible.keySet()).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(Change.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    for (Change change : EveryOperation.SAMPLES) {
      assertThat(Reversal.whyNot(change).isEmpty()).as(change.toString())
          .isEqualTo(reversible.get(change.getClass().getSimpleName()));
    }
  }
}
