package dev.lake.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.change.Change;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private static final TableName EVENTS = TableName.parse("analytics.events");
  private final Environment dev = new Environment(Map.of("analytics", "analytics_dev", "a.b", "c"),
      TableFilter.parse("analytics.*"), Map.of("team", "data", "env", "dev"));

  @Test
  void namesMapByNamespace() {
    assertThat(dev.physical(EVENTS)).isEqualTo(TableName.parse("analytics_dev.events"));
    assertThat(dev.physical(TableName.parse("a.b.t"))).isEqualTo(TableName.parse("c.t"));
    assertThat(dev.physical(TableName.parse("sales.orders"))).isEqualTo(TableName.parse("sales.orders"));
    assertThat(dev.describe(EVENTS)).isEqualTo("analytics.events (analytics_dev.events)");
    assertThat(Environment.NONE.describe(EVENTS)).isEqualTo("analytics.events");
    assertThat(dev.holds(EVENTS)).isTrue();
    assertThat(dev.holds(TableName.parse("sales.orders"))).isFalse();
  }

  @Test
  void placeholdersTakeTheCatalogsValues() {
    TableModel model = TableModel.empty(EVENTS).withProperties(new TreeMap<>(Map.of("owner", "${team}-${env}",
        "plain", "x", "unknown", "${nope}")));
    TableModel resolved = dev.resolve(model);
    assertThat(resolved.name()).isEqualTo(TableName.parse("analytics_dev.events"));
    assertThat(resolved.properties()).containsEntry("owner", "data-dev").containsEntry("plain", "x")
        .containsEntry("unknown", "${nope}");
    assertThat(dev.resolve(List.<Change>of(new Change.SetProperty("owner", "${team}"))))
        .containsExactly(new Change.SetProperty("owner", "data"));
    assertThat(Environment.NONE.resolve(model)).isEqualTo(model);
  }
}
