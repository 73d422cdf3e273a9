package dev.lake.processor;

import dev.lake.annotations.Column;
import dev.lake.annotations.Decimal;
import dev.lake.annotations.Fixed;
import dev.lake.annotations.Id;
import dev.lake.annotations.Ignore;
import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Naming;
import dev.lake.annotations.Partition;
import dev.lake.annotations.Property;
import dev.lake.annotations.Required;
import dev.lake.annotations.SortBy;
import dev.lake.core.diff.RenameHints;
import dev.lake.core.model.DecimalType;
import dev.lake.core.model.FixedType;
import dev.lake.core.model.ListType;
import dev.lake.core.model.MapType;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.PrimitiveType;
import dev.lake.core.model.SortField;
import dev.lake.core.model.StructType;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.model.Transform;
import dev.lake.core.model.Type;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a {@code @LakeTable} record or class (or its Avro record) into a {@link Declaration}. */
final class DeclarationReader {
  private static final Set<String> NOT_NULL = Set.of("NonNull", "NotNull", "Nonnull");

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final AvroReader avro;

  DeclarationReader(Elements elements, Types types, Reporter reporter, AvroReader avro) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.avro = avro;
  }

  /** The declaration, or empty when it has errors (all of them reported). */
  Optional<Declaration> read(TypeElement type) {
    int errorsBefore = reporter.errors();
    LakeTable table = type.getAnnotation(LakeTable.class);
    TableName name = null;
    try {
      name = TableName.parse(table.name());
    } catch (IllegalArgumentException e) {
      reporter.error(type, LakeTable.class, "name", e.getMessage());
    }
    FormatRules rules = FormatRules.of(table.format()).orElse(null);
    if (rules == null) {
      reporter.error(type, LakeTable.class, "format", "Unknown table format '" + table.format() + "' (known: "
          + String.join(", ", FormatRules.knownFormats()) + ")");
      rules = FormatRules.ICEBERG;
    }
    Reading reading = new Reading(table.naming(), new HashSet<>(List.of(table.ignore())));
    List<dev.lake.core.model.Column> columns;
    if (!table.avro().isEmpty()) {
      Optional<AvroReader.Result> result = avro.read(type, table.avro(), reading.ignored, reading.ignoredFound);
      columns = result.map(AvroReader.Result::columns).orElse(List.of());
      result.ifPresent(r -> r.hints().formerNames().forEach(reading.hints::add));
    } else {
      columns = reading.fields(type, "", new HashSet<>(), false);
      if (columns.isEmpty() && reporter.errors() == errorsBefore) {
        reporter.error(type, "@LakeTable " + type.getSimpleName() + " has no columns: add fields (or record "
            + "components), or name an Avro record with @LakeTable(avro = \"...\")");
      }
    }
    for (String path : table.ignore()) {
      if (!reading.ignoredFound.contains(path) && reporter.errors() == errorsBefore) {
        reporter.error(type, LakeTable.class, "ignore", "@LakeTable(ignore) names no field: " + path + " ("
            + (table.avro().isEmpty() ? type.getSimpleName().toString() : "Avro record " + table.avro()) + " has "
            + columns.stream().map(dev.lake.core.model.Column::name).collect(java.util.stream.Collectors.joining(", "))
            + "; nested fields by path, such as address.city)");
      }
    }
    for (Partition partition : type.getAnnotationsByType(Partition.class)) {
      if (partition.source().isEmpty()) {
        reporter.error(type, Partition.class, "source", "@Partition on a type needs source: the column to "
            + "partition by, such as @Partition(source = \"event_time\", transform = Transform.DAY)");
      } else {
        reading.partition(type, partition.source(), partition);
      }
    }
    for (SortBy sort : type.getAnnotationsByType(SortBy.class)) {
      if (sort.column().isEmpty()) {
        reporter.error(type, SortBy.class, "column", "@SortBy on a type needs column: the column to sort by");
      } else {
        reading.sort(type, sort.column(), sort);
      }
    }
    Map<String, String> properties = new TreeMap<>();
    for (Property property : type.getAnnotationsByType(Property.class)) {
      Optional<String> reserved = rules.whyReserved(property.key());
      if (reserved.isPresent()) {
        reporter.error(type, Property.class, "key", "Invalid property: " + property.key() + " (" + reserved.get()
            + ")");
      } else if (properties.put(property.key(), property.value()) != null) {
        reporter.error(type, Property.class, "key", "Property " + property.key() + " is declared twice");
      }
    }
    if (name == null || reporter.errors() > errorsBefore) {
      return Optional.empty();
    }
    TableModel base = new TableModel(name, columns, List.of(), List.of(), List.of(), new TreeMap<>(properties));
    List<PartitionField> partitions = new ArrayList<>();
    for (Reading.Origin<PartitionField> partition : reading.partitions) {
      if (check(base.withPartitioning(List.of(partition.value())), rules, partition, Partition.class)) {
        partitions.add(partition.value());
      }
    }
    reading.sorts.sort(Comparator.comparingInt((Reading.Origin<SortField> s) -> s.order()));
    List<SortField> sortOrder = new ArrayList<>();
    for (Reading.Origin<SortField> sort : reading.sorts) {
      if (check(base.withSortOrder(List.of(sort.value())), rules, sort, SortBy.class)) {
        sortOrder.add(sort.value());
      }
    }
    List<String> identifiers = new ArrayList<>();
    for (Reading.Origin<String> identifier : reading.identifiers) {
      if (check(base.withIdentifierColumns(List.of(identifier.value())), rules, identifier, Id.class)) {
        identifiers.add(identifier.value());
      }
    }
    TableModel model = base.withPartitioning(partitions).withSortOrder(sortOrder).withIdentifierColumns(identifiers);
    for (String problem : rules.problems(model)) {
      reporter.error(type, LakeTable.class, null, problem);
    }
    return reporter.errors() > errorsBefore ? Optional.empty()
        : Optional.of(new Declaration(type, model, rules, reading.hints.build(), table.enabled()));
  }

  /** Reports the problems of one partition field, sort field or identifier column where it was declared. */
  private boolean check(TableModel model, FormatRules rules, Reading.Origin<?> origin,
      Class<? extends Annotation> annotation) {
    List<String> problems = rules.problems(model);
    problems.forEach(problem -> reporter.error(origin.element(), annotation, null, problem));
    return problems.isEmpty();
  }

  /** The state of reading one declaration. */
  private final class Reading {
    record Origin<T>(Element element, T value, int order) {}

    private final Naming naming;
    private final RenameHints.Builder hints = RenameHints.builder();
    private final List<Origin<PartitionField>> partitions = new ArrayList<>();
    private final List<Origin<SortField>> sorts = new ArrayList<>();
    private final List<Origin<String>> identifiers = new ArrayList<>();
    private int declarationIndex;

    /** The paths {@code @LakeTable(ignore)} leaves out, and those of them that named a field. */
    private final Set<String> ignored;
    private final Set<String> ignoredFound = new HashSet<>();

    Reading(Naming naming, Set<String> ignored) {
      this.naming = naming;
      this.ignored = ignored;
    }

    List<dev.lake.core.model.Column> fields(TypeElement type, String prefix, Set<String> visiting, boolean inCollection) {
      if (!visiting.add(type.getQualifiedName().toString())) {
        reporter.error(type, type.getSimpleName() + " contains itself (through " + prefix
            + "): a table cannot have recursive columns");
        return List.of();
      }
      List<dev.lake.core.model.Column> columns = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (Element member : members(type)) {
        // Ask javac for an annotation only when the member has it: most fields have none, and each
        // request builds a proxy.
        List<? extends AnnotationMirror> mirrors = member.getAnnotationMirrors();
        Set<String> present = mirrors.isEmpty() ? Set.of() : new HashSet<>();
        for (AnnotationMirror mirror : mirrors) {
          present.add(mirror.getAnnotationType().asElement().getSimpleName().toString());
        }
        if (present.contains("Ignore") && member.getAnnotation(Ignore.class) != null) {
          continue;
        }
        Column column = present.contains("Column") ? member.getAnnotation(Column.class) : null;
        String name = column != null && !column.name().isEmpty() ? column.name()
            : columnName(member.getSimpleName().toString());
        String path = prefix.isEmpty() ? name : prefix + "." + name;
        String fieldPath = prefix.isEmpty() ? member.getSimpleName().toString()
            : prefix + "." + member.getSimpleName();
        if (ignored.contains(path) || ignored.contains(fieldPath)) {
          ignoredFound.add(ignored.contains(path) ? path : fieldPath);
          continue;
        }
        if (!names.add(name)) {
          reporter.error(member, "Duplicate column " + path + ": another field of " + type.getSimpleName()
              + " has the same column name; rename one with @Column(name = \"...\")");
          continue;
        }
        if (column != null && column.formerly().length > 0) {
          hints.add(path, column.formerly());
        }
        TypeMirror javaType = member.asType();
        Type type1 = map(member, javaType, path, visiting, inCollection);
        if (type1 == null) {
          continue;
        }
        if (present.contains("Decimal") && !holds(type1, DecimalType.class)) {
          reporter.error(member, Decimal.class, null, "@Decimal fits BigDecimal fields (and lists and maps of "
              + "them), not column " + path + " of type " + type1 + ": remove it");
          continue;
        }
        if (present.contains("Fixed") && !holds(type1, FixedType.class)) {
          reporter.error(member, Fixed.class, null, "@Fixed fits byte[] and ByteBuffer fields (and lists and maps of "
              + "them), not column " + path + " of type " + type1 + ": remove it");
          continue;
        }
        boolean required = javaType.getKind().isPrimitive() || (!present.isEmpty() && isRequired(member));
        if (isOptional(javaType)) {
          required = false;
        }
        try {
          columns.add(new dev.lake.core.model.Column(name, type1, required, column == null ? null : column.doc()));
        } catch (IllegalArgumentException e) {
          reporter.error(member, e.getMessage());
          continue;
        }
        int index = declarationIndex++;
        if (present.isEmpty()) {
          continue;
        }
        for (Partition partition : member.getAnnotationsByType(Partition.class)) {
          if (!partition.source().isEmpty()) {
            reporter.error(member, Partition.class, "source", "@Partition on a field partitions by that field: "
                + "remove source, or move the annotation to the type");
          }
          partition(member, path, partition);
        }
        for (SortBy sort : member.getAnnotationsByType(SortBy.class)) {
          sort(member, path, sort, index);
        }
        if (member.getAnnotation(Id.class) != null) {
          identifiers.add(new Origin<>(member, path, index));
        }
      }
      visiting.remove(type.getQualifiedName().toString());
      return columns;
    }

    void partition(Element origin, String source, Partition partition) {
      Transform transform;
      try {
        transform = switch (partition.transform()) {
          case IDENTITY -> Transform.IDENTITY;
          case YEAR -> Transform.YEAR;
          case MONTH -> Transform.MONTH;
          case DAY -> Transform.DAY;
          case HOUR -> Transform.HOUR;
          case BUCKET -> Transform.bucket(partition.buckets());
          case TRUNCATE -> Transform.truncate(partition.width());
          case VOID -> Transform.VOID;
        };
        partitions.add(new Origin<>(origin, new PartitionField(source, transform, partition.name()), 0));
      } catch (IllegalArgumentException e) {
        reporter.error(origin, Partition.class, partition.transform() == dev.lake.annotations.Transform.BUCKET
            ? "buckets" : "width", e.getMessage() + " (set " + (partition.transform()
            == dev.lake.annotations.Transform.BUCKET ? "buckets" : "width") + " on the @Partition)");
      }
    }

    void sort(Element origin, String column, SortBy sort) {
      sort(origin, column, sort, declarationIndex++);
    }

    private void sort(Element origin, String column, SortBy sort, int index) {
      SortField.Direction direction = sort.direction() == SortBy.Direction.ASC ? SortField.Direction.ASC
          : SortField.Direction.DESC;
      SortField.NullOrder nulls = switch (sort.nulls()) {
        case FIRST -> SortField.NullOrder.FIRST;
        case LAST -> SortField.NullOrder.LAST;
        case DEFAULT -> direction.defaultNullOrder();
      };
      // Lower order first; among equal orders, where they were declared.
      sorts.add(new Origin<>(origin, new SortField(column, direction, nulls), sort.order() * 100_000 + index));
    }

    private String columnName(String javaName) {
      if (naming == Naming.AS_IS) {
        return javaName;
      }
      return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
          .toLowerCase(Locale.ROOT);
    }

    /** The Lake type of a Java type, or null after reporting why it has none. */
    private Type map(Element member, TypeMirror type, String path, Set<String> visiting, boolean inCollection) {
      switch (type.getKind()) {
        case BOOLEAN:
          return PrimitiveType.BOOLEAN;
        case BYTE:
        case SHORT:
        case INT:
          return PrimitiveType.INT;
        case LONG:
          return PrimitiveType.LONG;
        case FLOAT:
          return PrimitiveType.FLOAT;
        case DOUBLE:
          return PrimitiveType.DOUBLE;
        case ARRAY:
          if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
            return bytes(member);
          }
          return unsupported(member, type, path);
        case DECLARED:
          break;
        default:
          return unsupported(member, type, path);
      }
      DeclaredType declared = (DeclaredType) type;
      TypeElement element = (TypeElement) declared.asElement();
      String name = element.getQualifiedName().toString();
      switch (name) {
        case "java.lang.Boolean":
          return PrimitiveType.BOOLEAN;
        case "java.lang.Byte":
        case "java.lang.Short":
        case "java.lang.Integer":
          return PrimitiveType.INT;
        case "java.lang.Long":
          return PrimitiveType.LONG;
        case "java.lang.Float":
          return PrimitiveType.FLOAT;
        case "java.lang.Double":
          return PrimitiveType.DOUBLE;
        case "java.lang.String":
        case "java.lang.CharSequence":
          return PrimitiveType.STRING;
        case "java.util.UUID":
          return PrimitiveType.UUID;
        case "java.time.LocalDate":
          return PrimitiveType.DATE;
        case "java.time.LocalTime":
          return PrimitiveType.TIME;
        case "java.time.LocalDateTime":
          return PrimitiveType.TIMESTAMP;
        case "java.time.Instant":
        case "java.time.OffsetDateTime":
        case "java.time.ZonedDateTime":
          return PrimitiveType.TIMESTAMPTZ;
        case "java.nio.ByteBuffer":
          return bytes(member);
        case "java.math.BigDecimal":
          Decimal decimal = member.getAnnotation(Decimal.class);
          if (decimal == null) {
            reporter.error(member, "BigDecimal column " + path + " needs a precision and scale: add @Decimal(precision "
                + "= ..., scale = ...)");
            return null;
          }
          try {
            return new DecimalType(decimal.precision(), decimal.scale());
          } catch (IllegalArgumentException e) {
            reporter.error(member, Decimal.class, "precision", e.getMessage() + " (column " + path + ")");
            return null;
          }
        case "java.util.Optional":
          return declared.getTypeArguments().isEmpty() ? unsupported(member, type, path)
              : map(member, declared.getTypeArguments().get(0), path, visiting, inCollection);
        default:
          break;
      }
      if (element.getKind() == ElementKind.ENUM) {
        return PrimitiveType.STRING;
      }
      if (isA(type, "java.util.Map")) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.size() != 2) {
          return unsupported(member, type, path);
        }
        Type key = map(member, arguments.get(0), path + ".key", visiting, true);
        Type value = map(member, arguments.get(1), path + ".value", visiting, true);
        return key == null || value == null ? null : new MapType(key, value, false);
      }
      if (isA(type, "java.util.Collection")) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.size() != 1) {
          return unsupported(member, type, path);
        }
        Type elementType = map(member, arguments.get(0), path + ".element", visiting, true);
        return elementType == null ? null : new ListType(elementType, false);
      }
      if (name.startsWith("java.") || name.startsWith("javax.")
          || (element.getKind() != ElementKind.RECORD && element.getKind() != ElementKind.CLASS)) {
        return unsupported(member, type, path);
      }
      List<dev.lake.core.model.Column> fields = fields(element, path, visiting, inCollection);
      return new StructType(fields);
    }

    /** Whether {@code type} is, or holds as list elements or map values, a {@code kind}. */
    private boolean holds(Type type, Class<? extends Type> kind) {
      if (kind.isInstance(type)) {
        return true;
      } else if (type instanceof ListType list) {
        return holds(list.element(), kind);
      } else if (type instanceof MapType map) {
        return holds(map.value(), kind);
      }
      return false;
    }

    private Type bytes(Element member) {
      Fixed fixed = member.getAnnotation(Fixed.class);
      if (fixed == null) {
        return PrimitiveType.BINARY;
      }
      try {
        return new FixedType(fixed.value());
      } catch (IllegalArgumentException e) {
        reporter.error(member, Fixed.class, "value", e.getMessage());
        return null;
      }
    }

    private Type unsupported(Element member, TypeMirror type, String path) {
      reporter.error(member, "Unsupported type for column " + path + ": " + type + ". Use boolean, int, long, float, "
          + "double, String, an enum, UUID, LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime, "
          + "ZonedDateTime, BigDecimal with @Decimal, byte[] or ByteBuffer, List/Set/Collection, Map, Optional, or a "
          + "nested record or class; or leave the field out with @Ignore");
      return null;
    }
  }

  private List<? extends Element> members(TypeElement type) {
    if (type.getKind() == ElementKind.RECORD) {
      return type.getRecordComponents();
    }
    List<Element> members = new ArrayList<>();
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      if (!parent.getQualifiedName().toString().startsWith("java.")) {
        members.addAll(members(parent));
      }
    }
    for (Element field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (!field.getModifiers().contains(Modifier.STATIC) && !field.getModifiers().contains(Modifier.TRANSIENT)) {
        members.add(field);
      }
    }
    return members;
  }

  private boolean isA(TypeMirror type, String name) {
    TypeElement target = elements.getTypeElement(name);
    return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
  }

  private static boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.util.Optional");
  }

  private static boolean isRequired(Element member) {
    return member.getAnnotation(Required.class) != null || hasNotNull(member.getAnnotationMirrors());
  }

  private static boolean hasNotNull(List<? extends AnnotationMirror> mirrors) {
    for (AnnotationMirror mirror : mirrors) {
      if (NOT_NULL.contains(mirror.getAnnotationType().asElement().getSimpleName().toString())) {
        return true;
      }
    }
    return false;
  }
}
