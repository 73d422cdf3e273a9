package dev.lake.core;

import static dev.lake.core.model.FormatRules.ICEBERG;

import dev.lake.core.diff.RenameHints;
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
import dev.lake.core.model.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random models and random evolutions of them. An evolution is built directly (renames with
 * hints, promotions, optionality and doc changes, incompatible replacements, adds, drops, reorders,
 * partitioning, sort order, identifier and property changes), never through the differ it tests.
 */
public final class RandomModels {
  public static final TableName TABLE = TableName.parse("db.random");
  private static final String[] ODD_NAMES = {"odd name", "back`tick", "ünïcödé", "x-y"};
  private static final String[] DOCS = {"a doc", "it's quoted", "line\nbreak", "back\\slash", "tab\tand 'both'"};

  private final Random random;
  private int nextName;

  public RandomModels(long seed) {
    this.random = new Random(seed);
  }

  /** A pair: the evolved model and the rename hints that explain it. */
  public record Evolution(TableModel desired, RenameHints hints) {}

  public TableModel model() {
    for (int attempt = 0; ; attempt++) {
      List<Column> columns = fields(1 + random.nextInt(7), 0);
      TableModel model = TableModel.empty(TABLE).withColumns(columns);
      model = decorate(model, List.of(), List.of(), List.of(), properties(Map.of()));
      if (ICEBERG.problems(model).isEmpty()) {
        return model;
      }
    }
  }

  public Type type(int depth) {
    int pick = random.nextInt(depth >= 3 ? 10 : 14);
    return switch (pick) {
      case 0, 1, 2, 3, 4, 5, 6 -> PrimitiveType.values()[random.nextInt(PrimitiveType.values().length)];
      case 7 -> new DecimalType(1 + random.nextInt(30), 0);
      case 8 -> {
        int precision = 1 + random.nextInt(38);
        yield new DecimalType(precision, random.nextInt(precision + 1));
      }
      case 9 -> new FixedType(1 + random.nextInt(32));
      case 10, 11 -> new StructType(fields(random.nextInt(4), depth + 1));
      case 12 -> new ListType(type(depth + 1), random.nextBoolean());
      default -> new MapType(random.nextBoolean() ? PrimitiveType.STRING : type(depth + 1), type(depth + 1),
          random.nextBoolean());
    };
  }

  private List<Column> fields(int count, int depth) {
    List<Column> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      fields.add(new Column(freshName(), type(depth), random.nextInt(3) == 0, doc()));
    }
    return fields;
  }

  private String freshName() {
    int n = nextName++;
    return random.nextInt(25) == 0 ? ODD_NAMES[random.nextInt(ODD_NAMES.length)] + n : "c" + n;
  }

  private String doc() {
    return random.nextInt(4) == 0 ? DOCS[random.nextInt(DOCS.length)] : null;
  }

  /** A random evolution of {@code model}. */
  public Evolution evolve(TableModel model) {
    for (int attempt = 0; ; attempt++) {
      RenameHints.Builder hints = RenameHints.builder();
      Map<String, String> kept = new HashMap<>();
      List<Column> columns = evolveFields(model.columns(), "", "", hints, kept);
      if (columns.isEmpty()) {
        continue;
      }
      TableModel evolved = TableModel.empty(TABLE).withColumns(columns);
      List<PartitionField> partitions = new ArrayList<>();
      for (PartitionField field : model.partitioning()) {
        if (kept.containsKey(field.source()) && random.nextInt(5) > 0) {
          partitions.add(field.withSource(kept.get(field.source())));
        }
      }
      List<SortField> sort = new ArrayList<>();
      if (random.nextInt(3) > 0) {
        for (SortField field : model.sortOrder()) {
          if (kept.containsKey(field.column())) {
            sort.add(field.withColumn(kept.get(field.column())));
          }
        }
      }
      List<String> identifiers = new ArrayList<>();
      if (random.nextInt(3) > 0) {
        for (String column : model.identifierColumns()) {
          if (kept.containsKey(column)) {
            identifiers.add(kept.get(column));
          }
        }
      }
      evolved = decorate(evolved, partitions, sort, identifiers, properties(model.properties()));
      if (ICEBERG.problems(evolved).isEmpty()) {
        return new Evolution(evolved, hints.build());
      }
    }
  }

  private List<Column> evolveFields(List<Column> fields, String fromParent, String toParent, RenameHints.Builder hints,
      Map<String, String> kept) {
    List<Column> result = new ArrayList<>();
    for (Column column : fields) {
      if (random.nextInt(10) == 0) {
        continue; // dropped
      }
      String name = column.name();
      String toPath;
      if (random.nextInt(7) == 0) {
        name = freshName();
        toPath = join(toParent, name);
        hints.add(toPath, column.name());
      } else {
        toPath = join(toParent, name);
      }
      if (random.nextInt(15) == 0) {
        hints.add(toPath, "never_existed_" + random.nextInt(1000)); // ignored: not in the history
      }
      Type type;
      if (random.nextInt(20) == 0) {
        type = type(depthOf(toPath)); // possibly incompatible: dropped and added anew
      } else {
        type = evolveType(column.type(), join(fromParent, column.name()), toPath, hints, kept);
        kept.put(join(fromParent, column.name()), toPath);
      }
      boolean required = random.nextInt(8) == 0 ? !column.required() : column.required();
      String doc = random.nextInt(8) == 0 ? doc() : column.doc();
      result.add(new Column(name, type, required, doc));
    }
    int added = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
    for (int i = 0; i < added; i++) {
      Column column = new Column(freshName(), type(depthOf(toParent) + 1), random.nextInt(4) == 0, doc());
      result.add(random.nextInt(result.size() + 1), column);
    }
    if (result.size() > 1 && random.nextInt(5) == 0) {
      Collections.swap(result, random.nextInt(result.size()), random.nextInt(result.size()));
    }
    if (result.size() > 2 && random.nextInt(12) == 0) {
      Collections.shuffle(result, random);
    }
    return result;
  }

  private Type evolveType(Type type, String fromPath, String toPath, RenameHints.Builder hints,
      Map<String, String> kept) {
    if (type instanceof StructType struct) {
      return new StructType(evolveFields(struct.fields(), fromPath, toPath, hints, kept));
    } else if (type instanceof ListType list) {
      String element = "." + ListType.ELEMENT;
      kept.put(fromPath + element, toPath + element);
      return new ListType(evolveType(list.element(), fromPath + element, toPath + element, hints, kept),
          random.nextInt(6) == 0 ? !list.elementRequired() : list.elementRequired());
    } else if (type instanceof MapType map) {
      String value = "." + MapType.VALUE;
      kept.put(fromPath + value, toPath + value);
      return new MapType(map.key(), evolveType(map.value(), fromPath + value, toPath + value, hints, kept),
          random.nextInt(6) == 0 ? !map.valueRequired() : map.valueRequired());
    } else if (random.nextInt(5) == 0) {
      if (type == PrimitiveType.INT) {
        return PrimitiveType.LONG;
      } else if (type == PrimitiveType.FLOAT) {
        return PrimitiveType.DOUBLE;
      } else if (type instanceof DecimalType decimal && decimal.precision() < DecimalType.MAX_PRECISION) {
        return new DecimalType(decimal.precision() + 1 + random.nextInt(DecimalType.MAX_PRECISION - decimal.precision()),
            decimal.scale());
      }
    }
    return type;
  }

  /** Adds random valid partition fields, sort fields and identifier columns to the given ones. */
  private TableModel decorate(TableModel model, List<PartitionField> partitions, List<SortField> sort,
      List<String> identifiers, Map<String, String> properties) {
    List<String> paths = new ArrayList<>();
    collectPaths(model.columns(), "", paths);
    model = model.withProperties(properties);
    List<PartitionField> partitionResult = new ArrayList<>();
    for (PartitionField field : partitions) {
      tryAdd(model.withPartitioning(List.of(field)), partitionResult, field);
    }
    for (int i = random.nextInt(4); i > 0 && !paths.isEmpty(); i--) {
      PartitionField field = new PartitionField(paths.get(random.nextInt(paths.size())), transform(),
          random.nextInt(6) == 0 ? "p" + random.nextInt(1000) : null);
      List<PartitionField> candidate = new ArrayList<>(partitionResult);
      candidate.add(field);
      tryAdd(model.withPartitioning(candidate), partitionResult, field);
    }
    model = model.withPartitioning(partitionResult);
    List<SortField> sortResult = new ArrayList<>(sort);
    for (int i = random.nextInt(3); i > 0 && !paths.isEmpty(); i--) {
      String column = paths.get(random.nextInt(paths.size()));
      sortResult.add(new SortField(column, SortField.Direction.values()[random.nextInt(2)],
          SortField.NullOrder.values()[random.nextInt(2)]));
    }
    List<SortField> validSort = new ArrayList<>();
    for (SortField field : sortResult) {
      List<SortField> candidate = new ArrayList<>(validSort);
      candidate.add(field);
      tryAdd(model.withSortOrder(candidate), validSort, field);
    }
    model = model.withSortOrder(validSort);
    List<String> identifierResult = new ArrayList<>();
    List<String> candidates = new ArrayList<>(identifiers);
    for (int i = random.nextInt(3); i > 0 && !paths.isEmpty(); i--) {
      candidates.add(paths.get(random.nextInt(paths.size())));
    }
    for (String column : candidates) {
      List<String> candidate = new ArrayList<>(identifierResult);
      candidate.add(column);
      tryAdd(model.withIdentifierColumns(candidate), identifierResult, column);
    }
    return model.withIdentifierColumns(identifierResult);
  }

  private static <T> void tryAdd(TableModel candidate, List<T> accepted, T item) {
    if (ICEBERG.problems(candidate).isEmpty() && !accepted.contains(item)) {
      accepted.add(item);
    }
  }

  private Transform transform() {
    return switch (random.nextInt(8)) {
      case 0 -> Transform.IDENTITY;
      case 1 -> Transform.YEAR;
      case 2 -> Transform.MONTH;
      case 3 -> Transform.DAY;
      case 4 -> Transform.HOUR;
      case 5 -> Transform.bucket(1 + random.nextInt(64));
      case 6 -> Transform.truncate(1 + random.nextInt(16));
      default -> Transform.VOID;
    };
  }

  private Map<String, String> properties(Map<String, String> base) {
    Map<String, String> properties = new LinkedHashMap<>(base);
    for (String key : List.copyOf(properties.keySet())) {
      int roll = random.nextInt(6);
      if (roll == 0) {
        properties.remove(key);
      } else if (roll == 1) {
        properties.put(key, "v" + random.nextInt(100));
      }
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      properties.put("write.prop-" + random.nextInt(20), "v" + random.nextInt(100));
    }
    return properties;
  }

  private static void collectPaths(List<Column> columns, String parent, List<String> paths) {
    for (Column column : columns) {
      String path = join(parent, column.name());
      paths.add(path);
      if (column.type() instanceof StructType struct) {
        collectPaths(struct.fields(), path, paths);
      }
    }
  }

  private static int depthOf(String path) {
    return path.isEmpty() ? 0 : (int) path.chars().filter(c -> c == '.').count() + 1;
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
