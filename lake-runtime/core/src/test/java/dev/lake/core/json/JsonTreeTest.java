package dev.lake.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
  @Test
  void valuesAreThePlainJavaOnes() throws Exception {
    Object tree = JsonTree.parse("{\"s\": \"x\", \"n\": 3, \"big\": 123456789012345678901234567890, \"d\": 1.5,"
        + " \"t\": true, \"f\": false, \"z\": null, \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}}");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "x");
    expected.put("n", 3L);
    expected.put("big", new BigInteger("123456789012345678901234567890"));
    expected.put("d", 1.5);
    expected.put("t", true);
    expected.put("f", false);
    expected.put("z", null);
    expected.put("a", Arrays.asList(1L, List.of(), Map.of()));
    expected.put("o", Map.of("k", "v"));
    assertThat(tree).isEqualTo(expected);
    assertThat(List.copyOf(((Map<?, ?>) tree).keySet()))
        .isEqualTo(List.of("s", "n", "big", "d", "t", "f", "z", "a", "o"));
    assertThat(JsonTree.parse("")).isNull();
  }

  @Test
  void aRepeatedFieldOrBrokenTextIsAnError() {
    assertThatThrownBy(() -> JsonTree.parse("{\"a\": 1, \"a\": 2}")).isInstanceOf(JsonProcessingException.class)
        .hasMessageStartingWith("Duplicate field 'a'");
    assertThatThrownBy(() -> JsonTree.parse("{\"a\": [1, 2")).isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("end-of-input");
    assertThatThrownBy(() -> JsonTree.parse("{\"a\" 1}")).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void messagesShowStringsQuoted() {
    assertThat(JsonTree.show("2")).isEqualTo("\"2\"");
    assertThat(JsonTree.show(2L)).isEqualTo("2");
    assertThat(JsonTree.show(null)).isEqualTo("null");
  }
}
