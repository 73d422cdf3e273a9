package dev.lake.processor;

import dev.lake.annotations.LakeTable;
import dev.lake.core.diff.RenameHints;
import dev.lake.core.model.Column;
import dev.lake.core.model.DecimalType;
import dev.lake.core.model.FixedType;
import dev.lake.core.model.ListType;
import dev.lake.core.model.MapType;
import dev.lake.core.model.PrimitiveType;
import dev.lake.core.model.StructType;
import dev.lake.core.model.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.lang.model.element.TypeElement;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Protocol;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlFile;
import org.apache.avro.idl.IdlReader;

/**
 * Reads Avro records from the Avro source directory ({@code .avsc}, {@code .avpr}, {@code .avdl}, parsed
 * by Avro's own parsers) into Lake columns. The mapping agrees with Iceberg's {@code AvroSchemaUtil}
 * except where Lake follows the Avro specification: {@code timestamp-millis/micros} are instants
 * ({@code timestamptz}, unless the schema says {@code "adjust-to-utc": false}), and
 * {@code local-timestamp-millis/micros} are {@code timestamp}.
 */
final class AvroReader {
  /** The columns of a record and the rename hints its aliases give. */
  record Result(List<Column> columns, RenameHints hints) {}

  private final Reporter reporter;
  private final Supplier<Path> directory;
  private Set<String> ignored = Set.of();
  private Set<String> matched = new HashSet<>();
  /** The records being read, outermost first: a record met again inside itself is recursive. */
  private final Deque<String> visiting = new ArrayDeque<>();
  private Map<String, Schema> schemas;
  private List<String> parseErrors;

  AvroReader(Reporter reporter, Supplier<Path> directory) {
    this.reporter = reporter;
    this.directory = directory;
  }

  Optional<Result> read(TypeElement origin, String recordName) {
    return read(origin, recordName, Set.of(), new HashSet<>());
  }

  /**
   * The columns of {@code recordName}, leaving out the fields at the {@code ignored} paths; adds to
   * {@code matched} each ignored path that names a field.
   */
  Optional<Result> read(TypeElement origin, String recordName, Set<String> ignored, Set<String> matched) {
    this.ignored = ignored;
    this.matched = matched;
    load();
    if (!parseErrors.isEmpty()) {
      parseErrors.forEach(error -> reporter.error(origin, LakeTable.class, "avro", error));
      return Optional.empty();
    }
    Schema record = schemas.get(recordName);
    if (record == null || record.getType() != Schema.Type.RECORD) {
      List<String> records = schemas.values().stream().filter(s -> s.getType() == Schema.Type.RECORD)
          .map(Schema::getFullName).sorted().toList();
      reporter.error(origin, LakeTable.class, "avro", "Avro record " + recordName + " not found in "
          + directory.get() + " (" + (records.isEmpty() ? "it holds no record" : "records: "
          + String.join(", ", records)) + ")");
      return Optional.empty();
    }
    RenameHints.Builder hints = RenameHints.builder();
    List<String> problems = new ArrayList<>();
    visiting.clear();
    List<Column> columns = fields(record, "", hints, problems);
    problems.forEach(problem -> reporter.error(origin, LakeTable.class, "avro", problem));
    return problems.isEmpty() ? Optional.of(new Result(columns, hints.build())) : Optional.empty();
  }

  private List<Column> fields(Schema record, String prefix, RenameHints.Builder hints, List<String> problems) {
    if (visiting.contains(record.getFullName())) {
      problems.add("Avro record " + record.getFullName() + " contains itself (at " + prefix + "): a table cannot "
          + "have recursive columns; leave the field out with @LakeTable(ignore = \"" + prefix + "\")");
      return List.of();
    }
    visiting.push(record.getFullName());
    List<Column> columns = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
      if (ignored.contains(path)) {
        matched.add(path);
        continue;
      }
      Schema schema = field.schema();
      Schema nonNull = nonNull(schema);
      if (nonNull == null) {
        problems.add("Avro field " + record.getFullName() + "." + field.name() + " is " + schema + ": only a type or "
            + "a union of null and one type (an optional field) can be a column");
        continue;
      }
      Type type = type(nonNull, path, record.getFullName() + "." + field.name(), hints, problems);
      if (type != null) {
        columns.add(new Column(field.name(), type, nonNull == schema, field.doc()));
        if (!field.aliases().isEmpty()) {
          hints.add(path, field.aliases().stream().sorted().toList());
        }
      }
    }
    visiting.pop();
    return columns;
  }

  /** The schema itself, or T of a union [null, T]; null for any other union. */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> types = schema.getTypes();
    if (types.size() == 2 && types.get(0).getType() == Schema.Type.NULL) {
      return types.get(1).getType() == Schema.Type.UNION ? null : types.get(1);
    }
    if (types.size() == 2 && types.get(1).getType() == Schema.Type.NULL) {
      return types.get(0).getType() == Schema.Type.UNION ? null : types.get(0);
    }
    return null;
  }

  private Type type(Schema schema, String path, String where, RenameHints.Builder hints, List<String> problems) {
    LogicalType logical = schema.getLogicalType();
    String declared = schema.getProp(LogicalType.LOGICAL_TYPE_PROP);
    if (logical == null && declared != null) {
      // Avro drops a logical type it does not know, or one that does not fit: a decimal without precision,
      // a timestamp on an int. Taken as the plain base type, the column would hold something else.
      problems.add("Avro field " + where + " has logicalType '" + declared + "' on " + schema.getType()
          .getName() + ", which Avro cannot read as that logical type (unknown, a parameter such as precision "
          + "missing, or the wrong base type): fix the schema, or leave the field out with @LakeTable(ignore = \""
          + path + "\")");
      return null;
    }
    if (logical != null) {
      switch (logical.getName()) {
        case "decimal": {
          LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) logical;
          return new DecimalType(decimal.getPrecision(), decimal.getScale());
        }
        case "date":
          return PrimitiveType.DATE;
        case "time-millis":
        case "time-micros":
          return PrimitiveType.TIME;
        case "timestamp-millis":
        case "timestamp-micros":
          return adjustsToUtc(schema) ? PrimitiveType.TIMESTAMPTZ : PrimitiveType.TIMESTAMP;
        case "timestamp-nanos":
          return adjustsToUtc(schema) ? PrimitiveType.TIMESTAMPTZ_NS : PrimitiveType.TIMESTAMP_NS;
        case "local-timestamp-millis":
        case "local-timestamp-micros":
          return PrimitiveType.TIMESTAMP;
        case "local-timestamp-nanos":
          return PrimitiveType.TIMESTAMP_NS;
        case "uuid":
          return PrimitiveType.UUID;
        default:
          problems.add("Avro field " + where + " has logical type " + logical.getName() + ", which has no column "
              + "type in Lake: fix the schema, or leave the field out with @LakeTable(ignore = \"" + path + "\")");
          return null;
      }
    }
    switch (schema.getType()) {
      case BOOLEAN:
        return PrimitiveType.BOOLEAN;
      case INT:
        return PrimitiveType.INT;
      case LONG:
        return PrimitiveType.LONG;
      case FLOAT:
        return PrimitiveType.FLOAT;
      case DOUBLE:
        return PrimitiveType.DOUBLE;
      case STRING:
      case ENUM:
        return PrimitiveType.STRING;
      case BYTES:
        return PrimitiveType.BINARY;
      case FIXED:
        return new FixedType(schema.getFixedSize());
      case RECORD:
        return new StructType(fields(schema, path, hints, problems));
      case ARRAY: {
        Schema element = nonNull(schema.getElementType());
        if (element == null) {
          problems.add("Avro array " + where + " has elements of " + schema.getElementType() + ": only a type or a "
              + "union of null and one type is supported");
          return null;
        }
        Type type = type(element, path + ".element", where + "[]", hints, problems);
        return type == null ? null : new ListType(type, element == schema.getElementType());
      }
      case MAP: {
        Schema value = nonNull(schema.getValueType());
        if (value == null) {
          problems.add("Avro map " + where + " has values of " + schema.getValueType() + ": only a type or a union "
              + "of null and one type is supported");
          return null;
        }
        Type type = type(value, path + ".value", where + "{}", hints, problems);
        return type == null ? null : new MapType(PrimitiveType.STRING, type, value == schema.getValueType());
      }
      default:
        problems.add("Avro field " + where + " is " + schema + ", which has no column type");
        return null;
    }
  }

  private static boolean adjustsToUtc(Schema schema) {
    Object adjust = schema.getObjectProp("adjust-to-utc");
    return !(Boolean.FALSE.equals(adjust) || "false".equals(adjust));
  }

  /** Parses every schema file of the directory once, collecting named schemas and parse errors. */
  private void load() {
    if (schemas != null) {
      return;
    }
    schemas = new TreeMap<>();
    parseErrors = new ArrayList<>();
    Path dir = directory.get();
    if (dir == null || !Files.isDirectory(dir)) {
      parseErrors.add("Avro directory " + dir + " does not exist (set it with -A" + Options.AVRO_DIRECTORY
          + "=..., or put schemas in src/main/avro)");
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(f -> {
        String name = f.getFileName().toString();
        return name.endsWith(".avsc") || name.endsWith(".avpr") || name.endsWith(".avdl");
      }).sorted().toList();
    } catch (IOException e) {
      parseErrors.add("Cannot read Avro directory " + dir + ": " + e.getMessage());
      return;
    }
    // .avsc files may refer to each other: parse with one parser, retrying those that name a type
    // defined in a file not parsed yet.
    Schema.Parser parser = new Schema.Parser();
    Map<Path, String> pending = new LinkedHashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        if (name.endsWith(".avdl")) {
          IdlFile idl = new IdlReader().parse(file);
          idl.getNamedSchemas().values().forEach(this::add);
          if (idl.getProtocol() != null) {
            idl.getProtocol().getTypes().forEach(this::add);
          }
        } else if (name.endsWith(".avpr")) {
          Protocol.parse(file.toFile()).getTypes().forEach(this::add);
        } else {
          pending.put(file, null);
        }
      } catch (IOException | RuntimeException e) {
        parseErrors.add("Cannot parse Avro file " + file + ": " + message(e));
      }
    }
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (Path file : List.copyOf(pending.keySet())) {
        try {
          add(parser.parse(file.toFile()));
          pending.remove(file);
          progress = true;
        } catch (IOException | RuntimeException e) {
          pending.put(file, message(e));
        }
      }
    }
    pending.forEach((file, error) -> parseErrors.add("Cannot parse Avro file " + file + ": " + error));
    parser.getTypes().values().forEach(this::add);
  }

  private void add(Schema schema) {
    if (schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED) {
      schemas.putIfAbsent(schema.getFullName(), schema);
    }
  }

  private static String message(Throwable e) {
    String message = e.getMessage();
    return (message == null ? e.getClass().getSimpleName() : message).replace('\n', ' ');
  }
}
