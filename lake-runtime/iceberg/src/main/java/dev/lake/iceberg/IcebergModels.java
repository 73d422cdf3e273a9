package dev.lake.iceberg;

import dev.lake.core.engine.AppliedState;
import dev.lake.core.model.Column;
import dev.lake.core.model.DecimalType;
import dev.lake.core.model.FixedType;
import dev.lake.core.model.ListType;
import dev.lake.core.model.MapType;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.PrimitiveType;
import dev.lake.core.model.SortField;
import dev.lake.core.model.StructType;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.model.Transform;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.NullOrder;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortDirection;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.Term;
import org.apache.iceberg.transforms.Transforms;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Conversion between Lake's model and Iceberg's schema, partition spec and sort order. */
final class IcebergModels {
  private IcebergModels() {}

  /** An Iceberg schema for the model's columns and identifier columns, with fresh field ids. */
  static Schema schema(TableModel model) {
    AtomicInteger ids = new AtomicInteger();
    List<Types.NestedField> fields = new ArrayList<>();
    for (Column column : model.columns()) {
      fields.add(field(column, ids));
    }
    Schema schema = new Schema(fields);
    Set<Integer> identifiers = new HashSet<>();
    for (String path : model.identifierColumns()) {
      identifiers.add(schema.findField(path).fieldId());
    }
    return new Schema(fields, identifiers);
  }

  private static Types.NestedField field(Column column, AtomicInteger ids) {
    int id = ids.incrementAndGet();
    Type type = type(column.type(), ids);
    return column.required() ? Types.NestedField.required(id, column.name(), type, column.doc())
        : Types.NestedField.optional(id, column.name(), type, column.doc());
  }

  /** The Iceberg type of a model type; nested field ids come from {@code ids}. */
  static Type type(dev.lake.core.model.Type type, AtomicInteger ids) {
    if (type instanceof PrimitiveType primitive) {
      return switch (primitive) {
        case BOOLEAN -> Types.BooleanType.get();
        case INT -> Types.IntegerType.get();
        case LONG -> Types.LongType.get();
        case FLOAT -> Types.FloatType.get();
        case DOUBLE -> Types.DoubleType.get();
        case DATE -> Types.DateType.get();
        case TIME -> Types.TimeType.get();
        case TIMESTAMP -> Types.TimestampType.withoutZone();
        case TIMESTAMPTZ -> Types.TimestampType.withZone();
        case TIMESTAMP_NS -> Types.TimestampNanoType.withoutZone();
        case TIMESTAMPTZ_NS -> Types.TimestampNanoType.withZone();
        case STRING -> Types.StringType.get();
        case UUID -> Types.UUIDType.get();
        case BINARY -> Types.BinaryType.get();
      };
    } else if (type instanceof DecimalType decimal) {
      return Types.DecimalType.of(decimal.precision(), decimal.scale());
    } else if (type instanceof FixedType fixed) {
      return Types.FixedType.ofLength(fixed.length());
    } else if (type instanceof StructType struct) {
      List<Types.NestedField> fields = new ArrayList<>();
      for (Column field : struct.fields()) {
        fields.add(field(field, ids));
      }
      return Types.StructType.of(fields);
    } else if (type instanceof ListType list) {
      int id = ids.incrementAndGet();
      Type element = type(list.element(), ids);
      return list.elementRequired() ? Types.ListType.ofRequired(id, element) : Types.ListType.ofOptional(id, element);
    } else if (type instanceof MapType map) {
      int keyId = ids.incrementAndGet();
      int valueId = ids.incrementAndGet();
      Type key = type(map.key(), ids);
      Type value = type(map.value(), ids);
      return map.valueRequired() ? Types.MapType.ofRequired(keyId, valueId, key, value)
          : Types.MapType.ofOptional(keyId, valueId, key, value);
    }
    throw new IllegalArgumentException("Unknown type: " + type);
  }

  /** Whether the model uses a type that needs Iceberg format version 3 (nanosecond timestamps). */
  /** The first column whose type needs Iceberg format version 3 (nanosecond timestamps), by path. */
  static java.util.Optional<String> needsFormatVersion3(TableModel model) {
    for (Column column : model.columns()) {
      java.util.Optional<String> found = needsFormatVersion3(column.name(), column.type());
      if (found.isPresent()) {
        return found;
      }
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<String> needsFormatVersion3(String path, dev.lake.core.model.Type type) {
    if (type instanceof StructType struct) {
      for (Column field : struct.fields()) {
        java.util.Optional<String> found = needsFormatVersion3(path + "." + field.name(), field.type());
        if (found.isPresent()) {
          return found;
        }
      }
      return java.util.Optional.empty();
    } else if (type instanceof ListType list) {
      return needsFormatVersion3(path + "." + ListType.ELEMENT, list.element());
    } else if (type instanceof MapType map) {
      return needsFormatVersion3(path + "." + MapType.KEY, map.key())
          .or(() -> needsFormatVersion3(path + "." + MapType.VALUE, map.value()));
    }
    return type == PrimitiveType.TIMESTAMP_NS || type == PrimitiveType.TIMESTAMPTZ_NS
        ? java.util.Optional.of(path + " (" + type + ")") : java.util.Optional.empty();
  }

  static PartitionSpec spec(Schema schema, List<PartitionField> fields) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (PartitionField field : fields) {
      Transform transform = field.transform();
      String source = field.source();
      String name = field.effectiveName();
      switch (transform.kind()) {
        case IDENTITY -> builder.identity(source, name);
        case YEAR -> builder.year(source, name);
        case MONTH -> builder.month(source, name);
        case DAY -> builder.day(source, name);
        case HOUR -> builder.hour(source, name);
        case BUCKET -> builder.bucket(source, transform.parameter(), name);
        case TRUNCATE -> builder.truncate(source, transform.parameter(), name);
        case VOID -> builder.alwaysNull(source, name);
        default -> throw new IllegalArgumentException("Unknown transform: " + transform);
      }
    }
    return builder.build();
  }

  /** The term of a partition field, for {@code UpdatePartitionSpec}. */
  static Term term(PartitionField field) {
    return field.transform().kind() == Transform.Kind.IDENTITY ? Expressions.ref(field.source())
        : Expressions.transform(field.source(), Transforms.fromString(field.transform().toString()));
  }

  static SortOrder sortOrder(Schema schema, List<SortField> fields) {
    SortOrder.Builder builder = SortOrder.builderFor(schema);
    for (SortField field : fields) {
      NullOrder nulls = nullOrder(field);
      if (field.direction() == SortField.Direction.ASC) {
        builder.asc(field.column(), nulls);
      } else {
        builder.desc(field.column(), nulls);
      }
    }
    return builder.build();
  }

  static NullOrder nullOrder(SortField field) {
    return field.nullOrder() == SortField.NullOrder.FIRST ? NullOrder.NULLS_FIRST : NullOrder.NULLS_LAST;
  }

  /**
   * The model of an Iceberg table: its current schema, spec, sort order, identifier fields and
   * properties (Lake's own state left out). What the model cannot express (a sort by a transform)
   * shows up as a difference from what Lake expects.
   */
  static TableModel model(TableName name, TableMetadata metadata) {
    Schema schema = metadata.schema();
    List<Column> columns = new ArrayList<>();
    for (Types.NestedField field : schema.columns()) {
      columns.add(column(field));
    }
    List<PartitionField> partitioning = new ArrayList<>();
    for (org.apache.iceberg.PartitionField field : metadata.spec().fields()) {
      String source = schema.findColumnName(field.sourceId());
      if (source == null) {
        continue; // its source column was dropped: the field only describes old data files
      }
      Transform transform;
      try {
        transform = Transform.parse(field.transform().toString());
      } catch (IllegalArgumentException e) {
        continue;
      }
      PartitionField byDefault = PartitionField.of(source, transform);
      partitioning.add(field.name().equals(byDefault.effectiveName()) ? byDefault
          : new PartitionField(source, transform, field.name()));
    }
    List<SortField> sortOrder = new ArrayList<>();
    for (org.apache.iceberg.SortField field : metadata.sortOrder().fields()) {
      String column = schema.findColumnName(field.sourceId());
      String transform = field.transform().toString();
      sortOrder.add(new SortField(transform.equals("identity") ? column : transform + "(" + column + ")",
          field.direction() == SortDirection.ASC ? SortField.Direction.ASC : SortField.Direction.DESC,
          field.nullOrder() == NullOrder.NULLS_FIRST ? SortField.NullOrder.FIRST : SortField.NullOrder.LAST));
    }
    Map<String, String> properties = new TreeMap<>(metadata.properties());
    AppliedState.KEYS.forEach(properties::remove);
    // Iceberg keeps the format version in the metadata, not among the properties: a model that sets it
    // compares it with the real one (a model that does not is not compared on it).
    properties.put(TableProperties.FORMAT_VERSION, String.valueOf(metadata.formatVersion()));
    return new TableModel(name, columns, partitioning, sortOrder, List.copyOf(schema.identifierFieldNames()),
        new TreeMap<>(properties));
  }

  private static Column column(Types.NestedField field) {
    return new Column(field.name(), type(field.type()), field.isRequired(), field.doc());
  }

  static dev.lake.core.model.Type type(Type type) {
    switch (type.typeId()) {
      case BOOLEAN:
        return PrimitiveType.BOOLEAN;
      case INTEGER:
        return PrimitiveType.INT;
      case LONG:
        return PrimitiveType.LONG;
      case FLOAT:
        return PrimitiveType.FLOAT;
      case DOUBLE:
        return PrimitiveType.DOUBLE;
      case DATE:
        return PrimitiveType.DATE;
      case TIME:
        return PrimitiveType.TIME;
      case TIMESTAMP:
        return ((Types.TimestampType) type).shouldAdjustToUTC() ? PrimitiveType.TIMESTAMPTZ : PrimitiveType.TIMESTAMP;
      case TIMESTAMP_NANO:
        return ((Types.TimestampNanoType) type).shouldAdjustToUTC() ? PrimitiveType.TIMESTAMPTZ_NS
            : PrimitiveType.TIMESTAMP_NS;
      case STRING:
        return PrimitiveType.STRING;
      case UUID:
        return PrimitiveType.UUID;
      case BINARY:
        return PrimitiveType.BINARY;
      case FIXED:
        return new FixedType(((Types.FixedType) type).length());
      case DECIMAL:
        Types.DecimalType decimal = (Types.DecimalType) type;
        return new DecimalType(decimal.precision(), decimal.scale());
      case STRUCT:
        return new StructType(type.asStructType().fields().stream().map(IcebergModels::column).toList());
      case LIST:
        Types.ListType list = type.asListType();
        return new ListType(type(list.elementType()), list.isElementRequired());
      case MAP:
        Types.MapType map = type.asMapType();
        return new MapType(type(map.keyType()), type(map.valueType()), map.isValueRequired());
      default:
        throw new IllegalArgumentException("Lake cannot represent the Iceberg type " + type
            + " yet; tables that use it cannot be managed");
    }
  }
}
