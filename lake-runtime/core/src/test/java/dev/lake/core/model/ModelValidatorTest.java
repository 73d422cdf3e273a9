package dev.lake.core.model;

import static dev.lake.core.model.FormatRules.ICEBERG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelValidatorTest {

  private static TableModel.Builder events() {
    return TableModel.builder("analytics.events")
        .required("id", "long")
        .optional("name", "string")
        .optional("ts", "timestamptz")
        .optional("day", "date")
        .optional("score", "double")
        .optional("flag", "boolean")
        .optional("device", "struct<os: string not null, model: string>")
        .required("owner", "struct<id: long not null>")
        .optional("tags", "list<struct<k: string not null>>")
        .optional("attrs", "map<string, long>");
  }

  @Test
  void aValidModelHasNoProblems() {
    TableModel model = events().partition("day(ts)").partition("bucket[16](id)").partition("identity(device.os)")
        .sort("ts desc").sort("device.os").identifier("id").identifier("owner.id")
        .property("write.format.default", "parquet").build();
    assertThat(ICEBERG.problems(model)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "day(nope)              | Invalid partition field day(nope): no such column: nope",
      "identity(device)       | Invalid partition field identity(device): device is a struct; a partition source must be a primitive column",
      "identity(tags.element.k) | Invalid partition field identity(tags.element.k): tags.element.k is inside a list or map; a partition source cannot be",
      "day(name)              | Invalid partition field day(name): day cannot transform name of type string (it takes date, timestamp, timestamptz, timestamp_ns or timestamptz_ns)",
      "hour(day)              | Invalid partition field hour(day): hour cannot transform day of type date (it takes timestamp, timestamptz, timestamp_ns or timestamptz_ns)",
      "bucket[8](flag)        | Invalid partition field bucket[8](flag): bucket cannot transform flag of type boolean (it takes int, long, decimal, date, time, a timestamp, string, uuid, fixed or binary)",
      "bucket[8](score)       | Invalid partition field bucket[8](score): bucket cannot transform score of type double (it takes int, long, decimal, date, time, a timestamp, string, uuid, fixed or binary)",
      "truncate[4](day)       | Invalid partition field truncate[4](day): truncate cannot transform day of type date (it takes int, long, decimal, string or binary)",
  })
  void partitionSourceRules(String field, String problem) {
    assertThat(ICEBERG.problems(events().partition(field).build())).containsExactly(problem);
  }

  @Test
  void aColumnTakesAtMostOneTimeTransform() {
    assertThat(ICEBERG.problems(events().partition("day(ts)").partition("hour(ts)").build()))
        .containsExactly("Redundant partition fields: day(ts) and hour(ts) (a column takes at most one of year, "
            + "month, day and hour)");
    assertThat(ICEBERG.problems(events().partition("day(ts)").partition("identity(ts)").partition("bucket[4](ts)").build()))
        .isEmpty();
  }

  @Test
  void partitionFieldsAreASetWithUniqueNames() {
    assertThat(ICEBERG.problems(events().partition("bucket[4](id)").partition(new PartitionField("name", Transform.IDENTITY,
        "id_bucket_4")).build()))
        .containsExactly("Partition fields bucket[4](id) and identity(name) as id_bucket_4 have the same name: "
            + "id_bucket_4");
    assertThat(ICEBERG.problems(events().partition(new PartitionField("id", Transform.bucket(4), "name")).build()))
        .containsExactly("Invalid partition field bucket[4](id) as name: its name name is also a column; give the "
            + "partition field another name");
    assertThat(ICEBERG.problems(events().partition("identity(name)").build())).isEmpty();
    TableModel twice = events().partition("day(ts)").partition("day(ts)").build();
    assertThat(ICEBERG.problems(twice)).containsExactly("Duplicate partition field: day(ts)");
  }

  @Test
  void partitionOrderDoesNotMatter() {
    assertThat(events().partition("day(ts)").partition("bucket[16](id)").build())
        .isEqualTo(events().partition("bucket[16](id)").partition("day(ts)").build());
  }

  @Test
  void partitionNamesFollowIceberg() {
    assertThat(PartitionField.parse("day(ts)").effectiveName()).isEqualTo("ts_day");
    assertThat(PartitionField.parse("bucket[16](id)").effectiveName()).isEqualTo("id_bucket_16");
    assertThat(PartitionField.parse("truncate[4](name)").effectiveName()).isEqualTo("name_trunc_4");
    assertThat(PartitionField.parse("identity(device.os)").effectiveName()).isEqualTo("device.os");
    assertThat(PartitionField.parse("void(x)").effectiveName()).isEqualTo("x_null");
    assertThat(new PartitionField("ts", Transform.DAY, "event_day").effectiveName()).isEqualTo("event_day");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "nope     | Invalid sort field nope asc nulls first: no such column: nope",
      "device   | Invalid sort field device asc nulls first: device is a struct; a sort column must be a primitive column",
      "attrs.value | Invalid sort field attrs.value asc nulls first: attrs.value is inside a list or map; a sort column cannot be",
  })
  void sortRules(String column, String problem) {
    assertThat(ICEBERG.problems(events().sort(column).build())).containsExactly(problem);
  }

  @Test
  void aSortColumnAppearsOnce() {
    assertThat(ICEBERG.problems(events().sort("ts").sort("ts desc").build()))
        .containsExactly("Invalid sort order: ts appears twice");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "nope        | Invalid identifier column nope: no such column",
      "owner       | Invalid identifier column owner: it is a struct; an identifier column must be a primitive",
      "name        | Invalid identifier column name: it is optional; an identifier column must be required",
      "device.os   | Invalid identifier column device.os: a struct that holds it is optional; its parents must be required too",
      "tags.element.k | Invalid identifier column tags.element.k: it is inside a list or map",
  })
  void identifierRules(String column, String problem) {
    assertThat(ICEBERG.problems(events().identifier(column).build())).containsExactly(problem);
  }

  @Test
  void identifierColumnsCannotBeFloatingPoint() {
    TableModel model = TableModel.builder("db.t").required("f", "float").required("d", "double").identifier("f")
        .identifier("d").build();
    assertThat(ICEBERG.problems(model)).containsExactly(
        "Invalid identifier column d: it is double; an identifier column cannot be float or double",
        "Invalid identifier column f: it is float; an identifier column cannot be float or double");
  }

  @Test
  void reservedPropertiesAndEmptyTables() {
    assertThat(ICEBERG.problems(TableModel.builder("db.t").property("lake.migration.step", "3").build()))
        .containsExactly("Table has no columns", "Invalid property: lake.migration.step (keys starting with 'lake.' "
            + "are reserved for Lake's migration state)");
  }

  @Test
  void findAddressesNestedColumns() {
    TableModel model = events().build();
    assertThat(model.find("device.os")).get().satisfies(ref -> {
      assertThat(ref.type()).isEqualTo(PrimitiveType.STRING);
      assertThat(ref.required()).isTrue();
      assertThat(ref.ancestorsRequired()).isFalse();
      assertThat(ref.parentPath()).isEqualTo("device");
    });
    assertThat(model.find("tags.element").get().kind()).isEqualTo(FieldRef.Kind.ELEMENT);
    assertThat(model.find("tags.element.k").get().inCollection()).isTrue();
    assertThat(model.find("attrs.key").get()).satisfies(ref -> {
      assertThat(ref.kind()).isEqualTo(FieldRef.Kind.KEY);
      assertThat(ref.required()).isTrue();
      assertThat(ref.inMapKey()).isTrue();
    });
    assertThat(model.find("attrs.value").get().type()).isEqualTo(PrimitiveType.LONG);
    assertThat(model.find("tags.k")).isEmpty();
    assertThat(model.find("device.nope")).isEmpty();
    assertThat(model.find("id.x")).isEmpty();
  }

  @Test
  void namesAndTableNames() {
    assertThatThrownBy(() -> Column.optional("a.b", PrimitiveType.INT)).hasMessageContaining("Invalid column name: a.b");
    assertThatThrownBy(() -> Column.optional("", PrimitiveType.INT)).hasMessage("Invalid column name: empty");
    assertThatThrownBy(() -> Column.optional("a\tb\n", PrimitiveType.INT))
        .hasMessage("Invalid column name: a?b? (control character at 1)");
    assertThatThrownBy(() -> new TableName(java.util.List.of("db", " "), "t"))
        .hasMessage("Invalid table name: empty namespace level in db. ");
    assertThatThrownBy(() -> TableName.parse("events")).hasMessage(
        "Invalid table name: events (must be qualified: namespace.table, such as analytics.events)");
    assertThatThrownBy(() -> TableName.parse("a..b")).hasMessage("Invalid table name: a..b (empty part)");
    assertThat(TableName.parse("a.b.c")).isEqualTo(new TableName(java.util.List.of("a", "b"), "c"));
    assertThatThrownBy(() -> TableModel.builder("db.t").optional("a", "int").optional("a", "long").build())
        .hasMessage("Duplicate column name in table db.t: a");
    assertThatThrownBy(() -> StructType.of(Column.optional("a", PrimitiveType.INT), Column.optional("a", PrimitiveType.LONG)))
        .hasMessage("Duplicate column name in struct: a");
  }

  @Test
  void transformsAndSortFieldsParse() {
    assertThat(Transform.parse("Bucket[16]")).isEqualTo(Transform.bucket(16));
    assertThatThrownBy(() -> Transform.parse("bucket")).hasMessageContaining("needs a parameter");
    assertThatThrownBy(() -> Transform.parse("day[3]")).hasMessageContaining("takes no parameter");
    assertThatThrownBy(() -> Transform.parse("weekly")).hasMessageContaining("expected identity, year, month");
    assertThatThrownBy(() -> Transform.parse("bucket[0]")).hasMessageContaining("the bucket count must be at least 1");
    assertThat(SortField.parse("ts")).isEqualTo(SortField.asc("ts"));
    assertThat(SortField.parse("ts DESC")).isEqualTo(SortField.desc("ts"));
    assertThat(SortField.parse("ts desc nulls first").toString()).isEqualTo("ts desc nulls first");
    assertThatThrownBy(() -> SortField.parse("ts sideways")).hasMessageContaining("expected: column [asc|desc]");
  }
}
