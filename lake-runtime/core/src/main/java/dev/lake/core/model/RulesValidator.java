package dev.lake.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a whole model against a format's rules (see {@link FormatRules#problems}). */
final class RulesValidator {
  private RulesValidator() {}

  static List<String> problems(TableModel model, FormatRules rules) {
    List<String> problems = new ArrayList<>();
    if (model.columns().isEmpty()) {
      problems.add("Table has no columns");
    }
    for (Column column : model.columns()) {
      checkTypes(column.name(), column.type(), rules, problems);
    }
    checkPartitioning(model, rules, problems);
    if (!rules.sortOrders() && !model.sortOrder().isEmpty()) {
      problems.add("Invalid sort order: " + rules.format() + " tables have no sort order");
    }
    checkSortOrder(model, problems);
    if (!rules.identifierColumns() && !model.identifierColumns().isEmpty()) {
      problems.add("Invalid identifier columns: " + rules.format() + " tables have no identifier columns");
    }
    checkIdentifierColumns(model, problems);
    for (String key : model.properties().keySet()) {
      if (key.isBlank()) {
        problems.add("Invalid property: empty key");
      } else {
        rules.whyReserved(key).ifPresent(why -> problems.add("Invalid property: " + key + " (" + why + ")"));
      }
    }
    return problems;
  }

  private static void checkTypes(String path, Type type, FormatRules rules, List<String> problems) {
    if (type instanceof StructType struct) {
      struct.fields().forEach(field -> checkTypes(path + "." + field.name(), field.type(), rules, problems));
    } else if (type instanceof ListType list) {
      checkTypes(path + "." + ListType.ELEMENT, list.element(), rules, problems);
    } else if (type instanceof MapType map) {
      checkTypes(path + "." + MapType.KEY, map.key(), rules, problems);
      checkTypes(path + "." + MapType.VALUE, map.value(), rules, problems);
    } else if (!rules.primitiveTypes().contains(FormatRules.typeName(type))) {
      problems.add("Invalid column " + path + ": " + rules.format() + " has no " + FormatRules.typeName(type)
          + " type (it has " + rules.primitiveTypes().stream().sorted().collect(java.util.stream.Collectors.joining(", "))
          + ")");
    }
  }

  private static void checkPartitioning(TableModel model, FormatRules rules, List<String> problems) {
    Map<String, PartitionField> byName = new HashMap<>();
    Map<String, PartitionField> bySourceAndTransform = new HashMap<>();
    Map<String, PartitionField> timeBySource = new HashMap<>();
    for (PartitionField field : model.partitioning()) {
      if (!rules.transforms().contains(field.transform().kind())) {
        problems.add("Invalid partition field " + field + ": " + rules.format() + " has no " + field.transform().kind()
            + " transform (it has " + rules.transforms().stream().sorted().map(Transform.Kind::toString)
            .collect(java.util.stream.Collectors.joining(", ")) + ")");
        continue;
      }
      Optional<String> sourceProblem = sourceProblem(model, field.source(), "partition source");
      if (sourceProblem.isPresent()) {
        problems.add("Invalid partition field " + field + ": " + sourceProblem.get());
      } else {
        Type type = model.find(field.source()).orElseThrow().type();
        if (!field.transform().canTransform(type)) {
          problems.add("Invalid partition field " + field + ": " + field.transform().kind() + " cannot transform "
              + field.source() + " of type " + type + " (it takes " + field.transform().sourceTypes() + ")");
        }
      }
      PartitionField same = bySourceAndTransform.putIfAbsent(field.ref(), field);
      if (same != null) {
        problems.add("Duplicate partition field: " + field.ref());
      }
      if (same == null && field.transform().kind().isTime()) {
        PartitionField other = timeBySource.putIfAbsent(field.source(), field);
        if (other != null) {
          problems.add("Redundant partition fields: " + other.ref() + " and " + field.ref()
              + " (a column takes at most one of year, month, day and hour)");
        }
      }
      String name = field.effectiveName();
      PartitionField clash = byName.putIfAbsent(name, field);
      if (clash != null && same == null) {
        problems.add("Partition fields " + clash + " and " + field + " have the same name: " + name);
      }
      boolean identityOfItself = field.transform().kind() == Transform.Kind.IDENTITY && field.source().equals(name);
      if (!identityOfItself && model.find(name).isPresent()) {
        problems.add("Invalid partition field " + field + ": its name " + name
            + " is also a column; give the partition field another name");
      }
    }
  }

  private static void checkSortOrder(TableModel model, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (SortField field : model.sortOrder()) {
      sourceProblem(model, field.column(), "sort column")
          .ifPresent(problem -> problems.add("Invalid sort field " + field + ": " + problem));
      if (!seen.add(field.column())) {
        problems.add("Invalid sort order: " + field.column() + " appears twice");
      }
    }
  }

  private static void checkIdentifierColumns(TableModel model, List<String> problems) {
    for (String path : model.identifierColumns()) {
      Optional<FieldRef> found = model.find(path);
      String problem = null;
      if (found.isEmpty()) {
        problem = "no such column";
      } else {
        FieldRef ref = found.get();
        if (!ref.type().isPrimitive()) {
          problem = "it is " + kindOf(ref.type()) + "; an identifier column must be a primitive";
        } else if (ref.type() == PrimitiveType.FLOAT || ref.type() == PrimitiveType.DOUBLE) {
          problem = "it is " + ref.type() + "; an identifier column cannot be float or double";
        } else if (ref.inCollection()) {
          problem = "it is inside a list or map";
        } else if (!ref.required()) {
          problem = "it is optional; an identifier column must be required";
        } else if (!ref.ancestorsRequired()) {
          problem = "a struct that holds it is optional; its parents must be required too";
        }
      }
      if (problem != null) {
        problems.add("Invalid identifier column " + path + ": " + problem);
      }
    }
  }

  private static Optional<String> sourceProblem(TableModel model, String path, String what) {
    Optional<FieldRef> found = model.find(path);
    if (found.isEmpty()) {
      return Optional.of("no such column: " + path);
    }
    FieldRef ref = found.get();
    if (!ref.type().isPrimitive()) {
      return Optional.of(path + " is " + kindOf(ref.type()) + "; a " + what + " must be a primitive column");
    }
    if (ref.inCollection()) {
      return Optional.of(path + " is inside a list or map; a " + what + " cannot be");
    }
    return Optional.empty();
  }

  private static String kindOf(Type type) {
    if (type instanceof StructType) {
      return "a struct";
    } else if (type instanceof ListType) {
      return "a list";
    } else if (type instanceof MapType) {
      return "a map";
    }
    return type.toString();
  }
}
