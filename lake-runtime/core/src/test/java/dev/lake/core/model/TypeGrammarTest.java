package dev.lake.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.RandomModels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TypeGrammarTest {

  @ParameterizedTest
  @EnumSource(PrimitiveType.class)
  void everyPrimitiveRoundTrips(PrimitiveType type) {
    assertThat(Type.parse(type.toString())).isSameAs(type);
    assertThat(Type.parse(type.toString().toUpperCase())).isSameAs(type);
  }

  @Test
  void primitivesHaveTheDesignNames() {
    assertThat(List.of(PrimitiveType.values()).stream().map(Object::toString).toList()).containsExactly(
        "boolean", "int", "long", "float", "double", "date", "time", "timestamp", "timestamptz", "timestamp_ns",
        "timestamptz_ns", "string", "uuid", "binary");
  }

  @Test
  void parametrizedPrimitives() {
    assertThat(Type.parse("decimal(10,2)")).isEqualTo(new DecimalType(10, 2));
    assertThat(Type.parse(" DECIMAL ( 38 , 0 ) ")).isEqualTo(new DecimalType(38, 0));
    assertThat(new DecimalType(10, 2)).hasToString("decimal(10, 2)");
    assertThat(Type.parse("fixed[16]")).isEqualTo(new FixedType(16));
    assertThat(new FixedType(16)).hasToString("fixed[16]");
  }

  @Test
  void nestedTypesPrintCanonically() {
    Type type = Type.parse("STRUCT< id :LONG NOT NULL,tags:list<string not null>,"
        + "attrs : map<string, struct<v: double comment 'the value'> not null> comment 'attributes' >");
    assertThat(type).hasToString("struct<id: long not null, tags: list<string not null>, "
        + "attrs: map<string, struct<v: double comment 'the value'> not null> comment 'attributes'>");
    assertThat(Type.parse(type.toString())).isEqualTo(type);
    StructType struct = (StructType) type;
    assertThat(struct.fields().get(0)).isEqualTo(Column.required("id", PrimitiveType.LONG));
    assertThat(struct.fields().get(1).type()).isEqualTo(new ListType(PrimitiveType.STRING, true));
    assertThat(struct.fields().get(2).doc()).isEqualTo("attributes");
  }

  @Test
  void commentsKeepQuotesEscapesAndNewlines() {
    String doc = "it's \"quoted\", a back\\slash,\na new line and a\ttab";
    StructType struct = StructType.of(new Column("c", PrimitiveType.STRING, false, doc));
    assertThat(struct).hasToString("struct<c: string comment 'it\\'s \"quoted\", a back\\\\slash,\\na new line and "
        + "a\\ttab'>");
    assertThat(Type.parse(struct.toString())).isEqualTo(struct);
  }

  @Test
  void namesThatAreNotIdentifiersAreQuoted() {
    StructType struct = StructType.of(Column.optional("user id", PrimitiveType.LONG),
        Column.optional("back`tick", PrimitiveType.INT), Column.optional("ünï", PrimitiveType.INT),
        Column.optional("not", PrimitiveType.INT));
    assertThat(struct).hasToString("struct<`user id`: long, `back``tick`: int, `ünï`: int, not: int>");
    assertThat(Type.parse(struct.toString())).isEqualTo(struct);
  }

  @Test
  void deepNestingRoundTrips() {
    Type type = PrimitiveType.INT;
    for (int i = 0; i < 60; i++) {
      type = switch (i % 3) {
        case 0 -> StructType.of(new Column("f" + i, type, i % 2 == 0, "level " + i));
        case 1 -> new ListType(type, i % 4 == 1);
        default -> new MapType(PrimitiveType.STRING, type, true);
      };
    }
    assertThat(Type.parse(type.toString())).isEqualTo(type);
  }

  @Test
  void randomTypesRoundTrip() {
    for (int seed = 0; seed < 5_000; seed++) {
      Type type = new RandomModels(seed).type(0);
      assertThat(Type.parse(type.toString())).as("seed %s: %s", seed, type).isEqualTo(type);
    }
  }

  @Test
  void emptyStructIsAllowed() {
    assertThat(Type.parse("struct<>")).isEqualTo(new StructType(List.of()));
    assertThat(Type.parse("struct< >")).hasToString("struct<>");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "strin                            | 0  | unknown type 'strin'; expected one of boolean, int",
      "''                               | 0  | expected a type",
      "list<int                         | 8  | expected '>' but found end of text",
      "struct<a int>                    | 9  | expected ':' but found 'int'",
      "struct<a: int, a: long>          | 15 | duplicate field name 'a'",
      "decimal(39, 0)                   | 0  | Invalid decimal precision: 39 (must be 1 to 38)",
      "decimal(10, 11)                  | 0  | Invalid decimal scale: 11",
      "decimal(10)                      | 10 | expected ',' but found ')'",
      "fixed[0]                         | 0  | Invalid fixed length: 0",
      "fixed[99999999999]               | 6  | number too large",
      "map<string not null, int>        | 11 | map keys are always required",
      "list<int not nul>                | 13 | expected 'null' after 'not' but found 'nul'",
      "int int                          | 4  | expected end of type but found 'int'",
      "struct<`a: int>                  | 7  | unterminated quoted name",
      "struct<a: int comment 'x>        | 22 | unterminated comment",
      "struct<a: int comment x>         | 22 | expected a quoted comment ('text') but found 'x'",
      "struct<a: int comment 'b\\q'>    | 24 | unknown escape '\\q' in comment",
      "struct<`a.b`: int>               | 7  | Invalid column name: a.b (dots separate the parts",
      "struct<a: int; b: int>           | 13 | expected ',' or '>' but found ';'",
  })
  void malformedTypesSayWhereAndWhat(String text, int position, String message) {
    assertThatThrownBy(() -> Type.parse(text))
        .isInstanceOfSatisfying(TypeParseException.class, e -> {
          assertThat(e.position()).isEqualTo(position);
          assertThat(e.text()).isEqualTo(text);
        })
        .hasMessageStartingWith("Cannot parse type '" + text + "': ")
        .hasMessageContaining(message)
        .hasMessageEndingWith("at position " + position);
  }
}
