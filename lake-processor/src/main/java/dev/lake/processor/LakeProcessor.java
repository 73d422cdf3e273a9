package dev.lake.processor;

import com.palantir.javapoet.JavaFile;
import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Migration;
import dev.lake.core.change.Change;
import dev.lake.core.change.Lint;
import dev.lake.core.change.Step;
import dev.lake.core.change.StepException;
import dev.lake.core.diff.Diff;
import dev.lake.core.index.LakeIndex;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Lake's annotation processor: reads the {@code @LakeTable} declarations and the {@code @Migration}
 * history of the sources being compiled, replays the history, reports drift (a warning, or an error
 * with {@code -Alake.drift=error}), writes the next migration of each drifted table when asked
 * ({@code -Alake.generate}), and writes Lake's index ({@code META-INF/lake/index.json}) for the runtime.
 */
public final class LakeProcessor extends AbstractProcessor {
  private Reporter reporter;
  private boolean processed;

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    reporter = new Reporter(environment.getMessager());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(LakeTable.class.getCanonicalName(), Migration.class.getCanonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (processed || round.processingOver()) {
      return false;
    }
    if (annotations.isEmpty()) {
      return false;
    }
    Map<String, TypeElement> tablesByName = new TreeMap<>();
    Map<String, TypeElement> migrationsByName = new TreeMap<>();
    Element lakeTable = processingEnv.getElementUtils().getTypeElement(LakeTable.class.getCanonicalName());
    Element migration = processingEnv.getElementUtils().getTypeElement(Migration.class.getCanonicalName());
    collect(ElementFilter.typesIn(round.getRootElements()), lakeTable, migration, tablesByName, migrationsByName);
    if (tablesByName.isEmpty() && migrationsByName.isEmpty()) {
      return false;
    }
    List<TypeElement> tables = new ArrayList<>(tablesByName.values());
    List<TypeElement> migrations = new ArrayList<>(migrationsByName.values());
    processed = true;
    try {
      process(tables, migrations);
    } catch (RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Lake's annotation processor failed: " + e
          + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "") + ". Please report this.");
    }
    return false;
  }

  /**
   * The {@code @LakeTable} and {@code @Migration} types among these types and their member types, by
   * qualified name. Both annotations apply to types only and are not inherited, so one look at each
   * type's own annotations finds them: javac's {@code getElementsAnnotatedWith} would look at every
   * member of every class, once per annotation.
   */
  private static void collect(Collection<TypeElement> types, Element lakeTable, Element migration,
      Map<String, TypeElement> tables, Map<String, TypeElement> migrations) {
    for (TypeElement type : types) {
      for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
        Element annotation = mirror.getAnnotationType().asElement();
        if (annotation.equals(lakeTable)) {
          tables.put(type.getQualifiedName().toString(), type);
        } else if (annotation.equals(migration)) {
          migrations.put(type.getQualifiedName().toString(), type);
        }
      }
      collect(ElementFilter.typesIn(type.getEnclosedElements()), lakeTable, migration, tables, migrations);
    }
  }

  private void process(List<TypeElement> tables, List<TypeElement> migrations) {
    Options options;
    try {
      options = Options.parse(processingEnv.getOptions());
    } catch (IllegalArgumentException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.getMessage());
      return;
    }
    Path project = projectDirectory(options);
    AvroReader avro = new AvroReader(reporter, () -> options.avroDirectory() != null ? options.avroDirectory()
        : project == null ? null : project.resolve("src/main/avro"));
    DeclarationReader declarationReader = new DeclarationReader(processingEnv.getElementUtils(),
        processingEnv.getTypeUtils(), reporter, avro);
    HistoryReader historyReader = new HistoryReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
        reporter);

    Map<TableName, Declaration> declarations = new TreeMap<>();
    for (TypeElement type : tables) {
      declarationReader.read(type).ifPresent(declaration -> {
        Declaration other = declarations.putIfAbsent(declaration.model().name(), declaration);
        if (other != null) {
          reporter.error(type, LakeTable.class, "name", "Table " + declaration.model().name() + " is declared twice: "
              + "also by " + other.element().getQualifiedName() + "; declare each table once");
        }
      });
    }
    Map<TableName, List<HistoryReader.Source>> histories = new TreeMap<>();
    for (TypeElement type : migrations) {
      historyReader.read(type).ifPresent(source -> {
        histories.computeIfAbsent(source.step().table(), t -> new ArrayList<>()).add(source);
        checkRisk(source);
      });
    }

    List<Runnable> generations = new ArrayList<>();
    Set<TableName> names = new TreeSet<>(declarations.keySet());
    names.addAll(histories.keySet());
    List<LakeIndex.Entry> index = new ArrayList<>();
    for (TableName table : names) {
      Declaration declaration = declarations.get(table);
      List<HistoryReader.Source> sources = new ArrayList<>(histories.getOrDefault(table, List.of()));
      sources.sort(Comparator.comparingInt(s -> s.step().number()));
      if (declaration == null) {
        for (HistoryReader.Source source : sources) {
          reporter.error(source.element(), Migration.class, "table", "No @LakeTable declares " + table
              + " (declared: " + (declarations.isEmpty() ? "none" : declarations.keySet().stream()
                  .map(TableName::toString).collect(Collectors.joining(", "))) + "); fix the table name");
        }
        continue;
      }
      Optional<TableModel> replayed = replay(table, sources, declaration.rules());
      Optional<String> drift = replayed.isPresent() && declaration.enabled()
          ? drift(declaration, replayed.get(), sources, options, project, generations) : Optional.empty();
      index.add(new LakeIndex.Entry(table, declaration.rules().format(), Optional.of(declaration.model()),
          sources.stream().map(HistoryReader.Source::binaryName).toList(), "source", declaration.enabled(), drift));
    }
    writeIndex(index);
    // Migrations are written only from a build with no error: a broken history or declaration
    // anywhere could make any of them wrong.
    if (reporter.errors() == 0) {
      generations.forEach(Runnable::run);
    } else if (!generations.isEmpty()) {
      reporter.note("Wrote no migration: fix the errors above first");
    }
  }

  /**
   * A step that loses data must say so; a step that makes a column of an existing table required can
   * fail on the table's rows: said where the step is written.
   */
  private void checkRisk(HistoryReader.Source source) {
    Step step = source.step();
    if (step.isDestructive() && !source.markedDestructive()) {
      String drops = step.changes().stream().filter(c -> Lint.classify(c) == Lint.Risk.DESTRUCTIVE)
          .map(Change::toString).collect(Collectors.joining(", "));
      reporter.error(source.element(), Migration.class, null, "Step " + step.number() + " of " + step.table()
          + " loses data (" + drops + ") but is not marked destructive: once you are sure the data may go, write "
          + "@Migration(..., destructive = true)");
    }
    if (step.number() > 0) {
      for (Change change : step.changes()) {
        boolean requires = change instanceof Change.RequireColumn
            || (change instanceof Change.AddColumn add && add.column().required());
        if (requires) {
          reporter.report(Diagnostic.Kind.WARNING, source.element(), "Step " + step.number() + " of " + step.table()
              + ": '" + change + "' fails when the table holds rows with no value for it; on a table with data, add "
              + "the column as optional, fill it, then require it (@RequireColumn) once every row has a value");
        }
      }
    }
  }

  /** The replay of a table's history under its format's rules; empty after reporting why it is broken. */
  private Optional<TableModel> replay(TableName table, List<HistoryReader.Source> sources, FormatRules rules) {
    try {
      return Optional.of(History.of(table, sources.stream().map(HistoryReader.Source::step).toList(), rules)
          .replay());
    } catch (StepException e) {
      List<HistoryReader.Source> culprits = sources.stream().filter(s -> s.step().number() == e.step()).toList();
      for (HistoryReader.Source source : culprits.isEmpty() ? sources : culprits) {
        reporter.error(source.element(), Migration.class, "step", e.getMessage());
      }
      return Optional.empty();
    }
  }

  /** Reports the declaration's drift from its history, or generates its next step; the report, if any. */
  private Optional<String> drift(Declaration declaration, TableModel replayed, List<HistoryReader.Source> sources,
      Options options, Path project, List<Runnable> generations) {
    TableName table = declaration.model().name();
    List<Change> changes;
    try {
      changes = Diff.between(replayed, declaration.model(), declaration.hints(), declaration.rules());
    } catch (IllegalArgumentException e) {
      reporter.error(declaration.element(), e.getMessage() + " (see @Column(formerly = ...) and Avro aliases)");
      return Optional.empty();
    }
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    int next = sources.size();
    String what = changes.stream().map(Change::toString).collect(Collectors.joining("; "));
    String message = next == 0
        ? "Table " + table + " has no migrations yet (it needs: " + what + "). Run 'mvn lake:generate' to write step 0,"
            + " which creates it"
        : "Table " + table + " has drifted from its migrations (step " + (next - 1) + "): " + what
            + ". Run 'mvn lake:generate' to write step " + next;
    if (options.generate() && options.tables().test(table)) {
      List<Change> found = changes;
      generations.add(() -> generate(declaration, found, next, sources, options, project));
      return Optional.of(message);
    }
    reporter.report(options.driftIsError() ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING, declaration.element(),
        message);
    return Optional.of(message);
  }

  private void generate(Declaration declaration, List<Change> changes, int next, List<HistoryReader.Source> sources,
      Options options, Path project) {
    TableName table = declaration.model().name();
    if (Lint.classify(changes) == Lint.Risk.DESTRUCTIVE && !options.allowDestructive()) {
      String drops = changes.stream().filter(c -> Lint.classify(c) == Lint.Risk.DESTRUCTIVE).map(Change::toString)
          .collect(Collectors.joining(", "));
      reporter.error(declaration.element(), "The next migration of " + table + " would lose data (" + drops + "). "
          + "Declare the column again (with @Column(formerly = \"...\") if it was renamed), or run "
          + "'mvn lake:generate -Dlake.allowDestructive' if you mean it");
      return;
    }
    Path directory = options.generateDirectory() != null ? options.generateDirectory()
        : project == null ? null : project.resolve("src/main/java");
    if (directory == null) {
      reporter.error(declaration.element(), "Cannot tell where to write migrations: pass -A"
          + Options.GENERATE_DIRECTORY + "=<source root>");
      return;
    }
    String packageName = sources.isEmpty()
        ? MigrationWriter.packageFor(processingEnv.getElementUtils().getPackageOf(declaration.element())
            .getQualifiedName().toString(), table)
        : processingEnv.getElementUtils().getPackageOf(sources.get(sources.size() - 1).element())
            .getQualifiedName().toString();
    MigrationWriter.Migration migration = new MigrationWriter.Migration(table, next,
        Step.of(table, next, changes).changes(), packageName, options.author(), options.reason());
    JavaFile file = MigrationWriter.write(migration);
    try {
      Path written = file.writeToPath(directory);
      reporter.note("Wrote " + written + " (step " + next + " of " + table + ")");
    } catch (IOException e) {
      reporter.error(declaration.element(), "Cannot write migration " + migration.className() + " to " + directory
          + ": " + e.getMessage());
    }
  }

  private void writeIndex(List<LakeIndex.Entry> entries) {
    for (Map.Entry<String, String> file : LakeIndex.files(entries).entrySet()) {
      try {
        FileObject resource = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", file.getKey());
        try (Writer writer = resource.openWriter()) {
          writer.write(file.getValue());
        }
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Cannot write Lake's index "
            + file.getKey() + ": " + e.getMessage());
      }
    }
  }

  /**
   * The project's base directory: from {@code -Alake.projectDirectory}, else derived from the class
   * output ({@code <project>/target/classes}); never the working directory, which a reactor build sets
   * to the parent project.
   */
  private Path projectDirectory(Options options) {
    if (options.projectDirectory() != null) {
      return options.projectDirectory();
    }
    try {
      URI uri = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", "lake-probe").toUri();
      Path classes = Path.of(uri).getParent();
      return classes.getParent() == null ? null : classes.getParent().getParent();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
