package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.engine.TableFormatProvider;
import dev.lake.core.model.DecimalType;
import dev.lake.core.model.FixedType;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.PrimitiveType;
import dev.lake.core.model.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.types.TypeUtil;
import org.junit.jupiter.api.Test;

/** The rules Lake holds for Iceberg, checked against Iceberg's own code. */
class IcebergRulesTest {

  @Test
  void promotionsAreIcebergsOwn() {
    List<Type> types = new ArrayList<>(List.of(PrimitiveType.values()));
    types.addAll(List.of(new DecimalType(9, 2), new DecimalType(12, 2), new DecimalType(12, 3),
        new DecimalType(38, 2), new FixedType(4), new FixedType(8)));
    int allowed = 0;
    for (Type from : types) {
      for (Type to : types) {
        if (from.equals(to)) {
          continue;
        }
        boolean iceberg = TypeUtil.isPromotionAllowed(IcebergModels.type(from, new AtomicInteger()),
            IcebergModels.type(to, new AtomicInteger()).asPrimitiveType());
        assertThat(FormatRules.ICEBERG.isPromotionAllowed(from, to)).as(from + " -> " + to).isEqualTo(iceberg);
        allowed += iceberg ? 1 : 0;
      }
    }
    assertThat(allowed).isEqualTo(5);
  }

  @Test
  void theProviderIsFoundByNameWithTheCoresRules() {
    TableFormatProvider provider = TableFormatProvider.named("Iceberg", getClass().getClassLoader());
    assertThat(provider).isInstanceOf(IcebergFormatProvider.class);
    assertThat(provider.rules()).isEqualTo(FormatRules.of("iceberg").orElseThrow());
    try (var format = provider.open("test", java.util.Map.of("type", "hadoop", "warehouse",
        java.nio.file.Path.of("target", "rules-test").toAbsolutePath().toUri().toString()))) {
      assertThat(format.rules()).isSameAs(provider.rules());
      assertThat(format.catalog()).isEqualTo("catalog 'test' (hadoop)");
    }
  }

  @Test
  void aMissingFormatSaysWhichModuleToAdd() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableFormatProvider.named("delta",
        getClass().getClassLoader()))
        .hasMessage("No table format 'delta' is available (available: iceberg): add dev.lake:lake-delta to the "
            + "lake-maven-plugin's <dependencies>");
  }
}
