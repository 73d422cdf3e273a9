package dev.lake.delta;

import dev.lake.core.model.Column;
import dev.lake.core.model.DecimalType;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.PrimitiveType;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.model.Transform;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FieldMetadata;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conversion between Lake's model and Delta Kernel's schema, keeping each column's mapping metadata. */
final class DeltaSchemas {
  /** Where Delta keeps a column's doc. */
  static final String COMMENT = "comment";
  /** Column mapping: a column's id and its name in the data files. */
  static final String COLUMN_ID = "delta.columnMapping.id";

  private DeltaSchemas() {}

  /** The model of a table from its schema, partition columns and properties (Lake's state left out). */
  static TableModel model(TableName name, StructType schema, List<String> partitionColumns,
      Map<String, String> properties) {
    List<Column> columns = schema.fields().stream().map(DeltaSchemas::column).toList();
    List<PartitionField> partitioning = partitionColumns.stream()
        .map(column -> new PartitionField(column, Transform.IDENTITY, null)).toList();
    TreeMap<String, String> kept = new TreeMap<>(properties);
    kept.keySet().removeIf(key -> key.startsWith(TableModel.RESERVED_PROPERTY_PREFIX));
    return new TableModel(name, columns, partitioning, List.of(), List.of(), kept);
  }

  private static Column column(StructField field) {
    FieldMetadata metadata = field.getMetadata();
    String doc = metadata.contains(COMMENT) ? metadata.getString(COMMENT) : null;
    return new Column(field.getName(), type(field.getDataType()), !field.isNullable(), doc);
  }

  static dev.lake.core.model.Type type(DataType type) {
    if (type instanceof BooleanType) {
      return PrimitiveType.BOOLEAN;
    } else if (type instanceof IntegerType) {
      return PrimitiveType.INT;
    } else if (type instanceof LongType) {
      return PrimitiveType.LONG;
    } else if (type instanceof FloatType) {
      return PrimitiveType.FLOAT;
    } else if (type instanceof DoubleType) {
      return PrimitiveType.DOUBLE;
    } else if (type instanceof io.delta.kernel.types.DecimalType decimal) {
      return new DecimalType(decimal.getPrecision(), decimal.getScale());
    } else if (type instanceof DateType) {
      return PrimitiveType.DATE;
    } else if (type instanceof TimestampNTZType) {
      return PrimitiveType.TIMESTAMP;
    } else if (type instanceof TimestampType) {
      return PrimitiveType.TIMESTAMPTZ;
    } else if (type instanceof StringType) {
      return PrimitiveType.STRING;
    } else if (type instanceof BinaryType) {
      return PrimitiveType.BINARY;
    } else if (type instanceof StructType struct) {
      return new dev.lake.core.model.StructType(struct.fields().stream().map(DeltaSchemas::column).toList());
    } else if (type instanceof ArrayType array) {
      return new dev.lake.core.model.ListType(type(array.getElementType()), !array.containsNull());
    } else if (type instanceof MapType map) {
      return new dev.lake.core.model.MapType(type(map.getKeyType()), type(map.getValueType()),
          !map.isValueContainsNull());
    }
    throw new IllegalArgumentException("Lake has no type for Delta's " + type);
  }

  /**
   * The schema of {@code model}, each column with the metadata {@code existing} holds for its path (its
   * column mapping id and physical name), and its doc as the column's comment. A column with no
   * metadata is new: Kernel gives it an id and a physical name on commit.
   */
  static StructType schema(TableModel model, Map<String, FieldMetadata> existing) {
    return struct(model.columns(), "", existing);
  }

  private static StructType struct(List<Column> columns, String parent, Map<String, FieldMetadata> existing) {
    List<StructField> fields = new ArrayList<>();
    for (Column column : columns) {
      String path = parent.isEmpty() ? column.name() : parent + "." + column.name();
      FieldMetadata.Builder metadata = withoutComment(existing.getOrDefault(path, FieldMetadata.empty()));
      if (column.doc() != null) {
        metadata.putString(COMMENT, column.doc());
      }
      fields.add(new StructField(column.name(), type(column.type(), path, existing), !column.required(),
          metadata.build()));
    }
    return new StructType(fields);
  }

  /** A builder holding every entry of {@code metadata} but its comment. */
  private static FieldMetadata.Builder withoutComment(FieldMetadata metadata) {
    FieldMetadata.Builder builder = FieldMetadata.builder();
    metadata.getEntries().forEach((key, value) -> {
      if (key.equals(COMMENT)) {
        return;
      } else if (value instanceof String text) {
        builder.putString(key, text);
      } else if (value instanceof Long number) {
        builder.putLong(key, number);
      } else if (value instanceof Double number) {
        builder.putDouble(key, number);
      } else if (value instanceof Boolean flag) {
        builder.putBoolean(key, flag);
      } else if (value instanceof FieldMetadata nested) {
        builder.putFieldMetadata(key, nested);
      } else if (value instanceof FieldMetadata[] nested) {
        builder.putFieldMetadataArray(key, nested);
      } else if (value instanceof String[] texts) {
        builder.putStringArray(key, texts);
      } else if (value instanceof Long[] numbers) {
        builder.putLongArray(key, numbers);
      } else if (value instanceof Double[] numbers) {
        builder.putDoubleArray(key, numbers);
      } else if (value instanceof Boolean[] flags) {
        builder.putBooleanArray(key, flags);
      } else if (value == null) {
        builder.putNull(key);
      } else {
        throw new IllegalArgumentException("Cannot keep column metadata " + key + " of type " + value.getClass());
      }
    });
    return builder;
  }

  private static DataType type(dev.lake.core.model.Type type, String path, Map<String, FieldMetadata> existing) {
    if (type instanceof dev.lake.core.model.StructType struct) {
      return struct(struct.fields(), path, existing);
    } else if (type instanceof dev.lake.core.model.ListType list) {
      return new ArrayType(type(list.element(), path + "." + dev.lake.core.model.ListType.ELEMENT, existing),
          !list.elementRequired());
    } else if (type instanceof dev.lake.core.model.MapType map) {
      return new MapType(type(map.key(), path + "." + dev.lake.core.model.MapType.KEY, existing),
          type(map.value(), path + "." + dev.lake.core.model.MapType.VALUE, existing), !map.valueRequired());
    } else if (type instanceof DecimalType decimal) {
      return new io.delta.kernel.types.DecimalType(decimal.precision(), decimal.scale());
    }
    return switch ((PrimitiveType) type) {
      case BOOLEAN -> BooleanType.BOOLEAN;
      case INT -> IntegerType.INTEGER;
      case LONG -> LongType.LONG;
      case FLOAT -> FloatType.FLOAT;
      case DOUBLE -> DoubleType.DOUBLE;
      case DATE -> DateType.DATE;
      case TIMESTAMP -> TimestampNTZType.TIMESTAMP_NTZ;
      case TIMESTAMPTZ -> TimestampType.TIMESTAMP;
      case STRING -> StringType.STRING;
      case BINARY -> BinaryType.BINARY;
      default -> throw new IllegalArgumentException("Delta has no " + type + " type");
    };
  }

  /** The metadata of every struct field of a schema, by its dotted path. */
  static Map<String, FieldMetadata> metadataByPath(StructType schema) {
    Map<String, FieldMetadata> result = new HashMap<>();
    collect(schema, "", result);
    return result;
  }

  private static void collect(DataType type, String path, Map<String, FieldMetadata> result) {
    if (type instanceof StructType struct) {
      for (StructField field : struct.fields()) {
        String fieldPath = path.isEmpty() ? field.getName() : path + "." + field.getName();
        result.put(fieldPath, field.getMetadata());
        collect(field.getDataType(), fieldPath, result);
      }
    } else if (type instanceof ArrayType array) {
      collect(array.getElementType(), path + "." + dev.lake.core.model.ListType.ELEMENT, result);
    } else if (type instanceof MapType map) {
      collect(map.getKeyType(), path + "." + dev.lake.core.model.MapType.KEY, result);
      collect(map.getValueType(), path + "." + dev.lake.core.model.MapType.VALUE, result);
    }
  }

  /** The field ids of a schema's struct fields, by dotted path. */
  static Map<String, Integer> fieldIds(StructType schema) {
    Map<String, Integer> ids = new HashMap<>();
    metadataByPath(schema).forEach((path, metadata) -> {
      if (metadata.contains(COLUMN_ID)) {
        ids.put(path, metadata.getLong(COLUMN_ID).intValue());
      }
    });
    return ids;
  }
}
