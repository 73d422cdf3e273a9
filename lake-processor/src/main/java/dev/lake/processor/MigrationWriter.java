package dev.lake.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.DropColumn;
import dev.lake.annotations.DropPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.MakeOptional;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MoveColumn;
import dev.lake.annotations.RemoveProperty;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.RequireColumn;
import dev.lake.annotations.SetIdentifierColumns;
import dev.lake.annotations.SetProperty;
import dev.lake.annotations.SetSortOrder;
import dev.lake.annotations.UpdateColumnDoc;
import dev.lake.annotations.UpdateColumnType;
import dev.lake.core.change.Change;
import dev.lake.core.change.Lint;
import dev.lake.core.change.Position;
import dev.lake.core.model.SortField;
import dev.lake.core.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * Writes a step as a migration class with JavaPoet. Works on the model's changes only, never on an
 * element. The same step gives the same bytes.
 */
final class MigrationWriter {
  private static final int MAX_SLUG = 48;

  /** What to write. */
  record Migration(TableName table, int step, List<Change> changes, String packageName, String author,
      String reason) {

    String description() {
      return MigrationWriter.description(table, step, changes);
    }

    String className() {
      return String.format(Locale.ROOT, "V%04d_%s", step, slug(description()));
    }
  }

  private MigrationWriter() {}

  static JavaFile write(Migration migration) {
    AnnotationSpec.Builder header = AnnotationSpec.builder(dev.lake.annotations.Migration.class)
        .addMember("table", "$S", migration.table().toString())
        .addMember("step", "$L", migration.step());
    if (!migration.author().isEmpty()) {
      header.addMember("author", "$S", migration.author());
    }
    if (!migration.reason().isEmpty()) {
      header.addMember("reason", "$S", migration.reason());
    }
    header.addMember("description", "$S", migration.description());
    if (Lint.classify(migration.changes()) == Lint.Risk.DESTRUCTIVE) {
      header.addMember("destructive", "$L", true);
    }
    CodeBlock.Builder javadoc = CodeBlock.builder()
        .add("$L.\n\n<p>Changes, in the order they apply:\n<ul>\n", capitalize(migration.description()));
    for (Change change : migration.changes()) {
      javadoc.add("  <li>$L ($L)\n", code(change.toString()),
          Lint.classify(change).name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    javadoc.add("</ul>\n");
    TypeSpec.Builder type = TypeSpec.classBuilder(migration.className())
        .addJavadoc(javadoc.build())
        .addAnnotation(header.build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(LakeMigration.class);
    for (Change change : migration.changes()) {
      type.addAnnotation(annotation(change));
    }
    return JavaFile.builder(migration.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  static AnnotationSpec annotation(Change change) {
    return change.accept(ANNOTATIONS);
  }

  /** Each change as the annotation that declares it. */
  private static final Change.Visitor<AnnotationSpec> ANNOTATIONS = new Change.Visitor<>() {
    @Override
    public AnnotationSpec addColumn(Change.AddColumn add) {
      AnnotationSpec.Builder builder = AnnotationSpec.builder(AddColumn.class);
      if (!add.parent().isEmpty()) {
        builder.addMember("parent", "$S", add.parent());
      }
      builder.addMember("name", "$S", add.column().name()).addMember("type", "$S", add.column().type().toString());
      if (add.column().required()) {
        builder.addMember("required", "$L", true);
      }
      if (add.column().doc() != null) {
        builder.addMember("doc", "$S", add.column().doc());
      }
      if (add.position().kind() == Position.Kind.FIRST) {
        builder.addMember("first", "$L", true);
      } else if (add.position().kind() == Position.Kind.AFTER) {
        builder.addMember("after", "$S", add.position().sibling());
      }
      return builder.build();
    }

    @Override
    public AnnotationSpec dropColumn(Change.DropColumn drop) {
      return AnnotationSpec.builder(DropColumn.class).addMember("value", "$S", drop.path()).build();
    }

    @Override
    public AnnotationSpec renameColumn(Change.RenameColumn rename) {
      return AnnotationSpec.builder(RenameColumn.class).addMember("from", "$S", rename.path())
          .addMember("to", "$S", rename.newName()).build();
    }

    @Override
    public AnnotationSpec updateColumnType(Change.UpdateColumnType update) {
      return AnnotationSpec.builder(UpdateColumnType.class).addMember("path", "$S", update.path())
          .addMember("type", "$S", update.type().toString()).build();
    }

    @Override
    public AnnotationSpec makeOptional(Change.MakeOptional update) {
      return AnnotationSpec.builder(MakeOptional.class).addMember("value", "$S", update.path()).build();
    }

    @Override
    public AnnotationSpec requireColumn(Change.RequireColumn update) {
      return AnnotationSpec.builder(RequireColumn.class).addMember("value", "$S", update.path()).build();
    }

    @Override
    public AnnotationSpec updateColumnDoc(Change.UpdateColumnDoc update) {
      return AnnotationSpec.builder(UpdateColumnDoc.class).addMember("path", "$S", update.path())
          .addMember("doc", "$S", update.doc() == null ? "" : update.doc()).build();
    }

    @Override
    public AnnotationSpec moveColumn(Change.MoveColumn move) {
      AnnotationSpec.Builder builder = AnnotationSpec.builder(MoveColumn.class).addMember("path", "$S", move.path());
      switch (move.position().kind()) {
        case FIRST -> builder.addMember("first", "$L", true);
        case AFTER -> builder.addMember("after", "$S", move.position().sibling());
        case BEFORE -> builder.addMember("before", "$S", move.position().sibling());
        case LAST -> throw new IllegalStateException("A move has a position: " + move);
      }
      return builder.build();
    }

    @Override
    public AnnotationSpec addPartitionField(Change.AddPartitionField add) {
      AnnotationSpec.Builder builder = AnnotationSpec.builder(AddPartitionField.class)
          .addMember("source", "$S", add.field().source())
          .addMember("transform", "$S", add.field().transform().toString());
      if (add.field().name() != null) {
        builder.addMember("name", "$S", add.field().name());
      }
      return builder.build();
    }

    @Override
    public AnnotationSpec dropPartitionField(Change.DropPartitionField drop) {
      return AnnotationSpec.builder(DropPartitionField.class).addMember("value", "$S", drop.ref()).build();
    }

    @Override
    public AnnotationSpec setSortOrder(Change.SetSortOrder sort) {
      return strings(AnnotationSpec.builder(SetSortOrder.class),
          sort.fields().stream().map(SortField::toString).toList());
    }

    @Override
    public AnnotationSpec setIdentifierColumns(Change.SetIdentifierColumns identifiers) {
      return strings(AnnotationSpec.builder(SetIdentifierColumns.class), identifiers.columns());
    }

    @Override
    public AnnotationSpec setProperty(Change.SetProperty set) {
      return AnnotationSpec.builder(SetProperty.class).addMember("key", "$S", set.key())
          .addMember("value", "$S", set.value()).build();
    }

    @Override
    public AnnotationSpec removeProperty(Change.RemoveProperty remove) {
      return AnnotationSpec.builder(RemoveProperty.class).addMember("value", "$S", remove.key()).build();
    }
  };

  private static AnnotationSpec strings(AnnotationSpec.Builder builder, List<String> values) {
    if (values.isEmpty()) {
      return builder.addMember("value", "{}").build();
    }
    values.forEach(value -> builder.addMember("value", "$S", value));
    return builder.build();
  }

  /** A few words on what the step does: {@code create events}, {@code add device, rename ts}. */
  static String description(TableName table, int step, List<Change> changes) {
    if (step == 0) {
      return "create " + table.name();
    }
    List<String> words = new ArrayList<>();
    for (Change change : changes) {
      String word = words(change);
      if (!words.contains(word)) {
        words.add(word);
      }
    }
    if (words.size() > 3) {
      return String.join(", ", words.subList(0, 3)) + " and " + (words.size() - 3) + " more";
    }
    return String.join(", ", words);
  }

  private static String words(Change change) {
    return change.accept(WORDS);
  }

  /** Each change in a few words, for the description and the class name. */
  private static final Change.Visitor<String> WORDS = new Change.Visitor<>() {
    @Override
    public String addColumn(Change.AddColumn add) {
      return "add " + add.column().name();
    }

    @Override
    public String dropColumn(Change.DropColumn drop) {
      return "drop " + leaf(drop.path());
    }

    @Override
    public String renameColumn(Change.RenameColumn rename) {
      return "rename " + leaf(rename.path());
    }

    @Override
    public String updateColumnType(Change.UpdateColumnType update) {
      return "widen " + leaf(update.path());
    }

    @Override
    public String makeOptional(Change.MakeOptional update) {
      return "make " + leaf(update.path()) + " optional";
    }

    @Override
    public String requireColumn(Change.RequireColumn update) {
      return "require " + leaf(update.path());
    }

    @Override
    public String updateColumnDoc(Change.UpdateColumnDoc update) {
      return "document " + leaf(update.path());
    }

    @Override
    public String moveColumn(Change.MoveColumn move) {
      return "move " + leaf(move.path());
    }

    @Override
    public String addPartitionField(Change.AddPartitionField change) {
      return "repartition";
    }

    @Override
    public String dropPartitionField(Change.DropPartitionField change) {
      return "repartition";
    }

    @Override
    public String setSortOrder(Change.SetSortOrder change) {
      return "sort";
    }

    @Override
    public String setIdentifierColumns(Change.SetIdentifierColumns change) {
      return "set identifiers";
    }

    @Override
    public String setProperty(Change.SetProperty change) {
      return "set properties";
    }

    @Override
    public String removeProperty(Change.RemoveProperty change) {
      return "remove properties";
    }
  };

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** {@code add device, rename ts} becomes {@code AddDeviceRenameTs}. */
  static String slug(String description) {
    StringBuilder slug = new StringBuilder();
    for (String word : description.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty() && slug.length() + word.length() <= MAX_SLUG) {
        slug.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return slug.length() == 0 ? "Migration" : slug.toString();
  }

  /** The default package of a table's migrations: {@code <declaration's package>.migrations.<db>.<table>}. */
  static String packageFor(String declarationPackage, TableName table) {
    List<String> parts = new ArrayList<>();
    if (!declarationPackage.isEmpty()) {
      parts.add(declarationPackage);
    }
    parts.add("migrations");
    table.namespace().forEach(level -> parts.add(identifier(level)));
    parts.add(identifier(table.name()));
    return String.join(".", parts);
  }

  private static final Set<String> RESERVED = Set.of("true", "false", "null");

  private static String identifier(String name) {
    String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (id.isEmpty() || !Character.isJavaIdentifierStart(id.charAt(0)) || SourceVersion.isKeyword(id)
        || RESERVED.contains(id)) {
      id = "_" + id;
    }
    return id;
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Text as code in javadoc, readable in the source: {@code {@code ...}} unless the text would end the
   * tag or the comment early (an unbalanced brace, a comment end), then with HTML escapes.
   */
  private static String code(String text) {
    int depth = 0;
    for (int i = 0; i < text.length() && depth >= 0; i++) {
      char c = text.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    }
    return depth != 0 || text.contains("*/") ? escape(text) : "{@code " + text + "}";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;");
  }
}
