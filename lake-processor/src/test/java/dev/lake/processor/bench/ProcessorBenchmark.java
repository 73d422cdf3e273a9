package dev.lake.processor.bench;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import dev.lake.annotations.LakeTable;
import dev.lake.processor.LakeProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How much Lake's processor adds to javac: compiles a generated project of TABLES declarations with
 * STEPS migrations each (no drift): javac alone, javac with processors that do (almost) nothing, and
 * javac with Lake's processor, each compile in a fresh JVM, modes interleaved; prints medians,
 * minimums, ratios, the time spent inside Lake's processor, and how often and how long javac entered
 * the sources. Not a test: run it with the command in the README (arguments: tables, steps, runs per
 * mode).
 */
public final class ProcessorBenchmark {
  private ProcessorBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 0 && args[0].equals("--compile")) {
      // A child JVM: one compile, printing its time and the time inside Lake's processor.
      long millis = compile(Path.of(args[2]), sourcesIn(Path.of(args[2]).resolve("src")), Mode.valueOf(args[1]));
      long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
          .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      System.out.println("result " + millis + " " + insideLakeNanos / 1_000_000 + " " + (peakHeap >> 20) + " "
          + enterPasses + " " + enterNanos / 1_000_000 + " " + insideLakeCpuNanos / 1_000_000 + " "
          + ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
              .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000);
      return;
    }
    int tables = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path project = Files.createTempDirectory("lake-bench");
    List<Path> sources = generate(project.resolve("src"), tables, steps);
    System.out.printf(Locale.ROOT, "project: %d tables x %d migrations = %d source files%n", tables, steps,
        sources.size());
    System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; each compile in a fresh JVM with -Xms2g -Xmx2g%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    Map<Mode, long[]> times = new EnumMap<>(Mode.class);
    Map<Mode, long[]> cpus = new EnumMap<>(Mode.class);
    Map<Mode, long[]> heaps = new EnumMap<>(Mode.class);
    Map<Mode, long[]> enters = new EnumMap<>(Mode.class);
    Map<Mode, Long> passes = new EnumMap<>(Mode.class);
    long[] inside = new long[runs];
    long[] insideCpu = new long[runs];
    long[] readOnly = new long[runs];
    long[] readOnlyCpu = new long[runs];
    for (int run = 0; run < runs; run++) {
      for (Mode mode : Mode.values()) {
        long[] result = child(project, mode);
        times.computeIfAbsent(mode, m -> new long[runs])[run] = result[0];
        cpus.computeIfAbsent(mode, m -> new long[runs])[run] = result[6];
        heaps.computeIfAbsent(mode, m -> new long[runs])[run] = result[2];
        enters.computeIfAbsent(mode, m -> new long[runs])[run] = result[4];
        passes.put(mode, result[3]);
        if (mode == Mode.LAKE) {
          inside[run] = result[1];
          insideCpu[run] = result[5];
        } else if (mode == Mode.READ_ONLY) {
          readOnly[run] = result[1];
          readOnlyCpu[run] = result[5];
        }
      }
    }
    System.out.printf(Locale.ROOT, "%-44s %9s %7s  %s%n", "compile time", "median ms", "min ms", "runs");
    for (Mode mode : Mode.values()) {
      System.out.printf(Locale.ROOT, "  %-42s %9d %7d  %s%n", mode.label, median(times.get(mode)),
          min(times.get(mode)), Arrays.toString(times.get(mode)));
    }
    System.out.printf(Locale.ROOT, "  %-42s %9d %7d  %s%n", "time inside Lake's processor", median(inside),
        min(inside), Arrays.toString(inside));
    System.out.printf(Locale.ROOT, "  %-42s %9d %7d  %s%n", "  CPU of javac's thread in there", median(insideCpu),
        min(insideCpu), Arrays.toString(insideCpu));
    System.out.printf(Locale.ROOT, "  %-42s %9d %7d  %s%n", "time inside the reading-only processor",
        median(readOnly), min(readOnly), Arrays.toString(readOnly));
    System.out.printf(Locale.ROOT, "  %-42s %9d %7d  %s%n", "  CPU of javac's thread in there", median(readOnlyCpu),
        min(readOnlyCpu), Arrays.toString(readOnlyCpu));
    System.out.printf(Locale.ROOT, "%-44s %9s %7s  %s%n", "CPU time of the compile's JVM, all threads", "median ms",
        "min ms", "runs");
    for (Mode mode : Mode.values()) {
      System.out.printf(Locale.ROOT, "  %-42s %9d %7d  %s%n", mode.label, median(cpus.get(mode)),
          min(cpus.get(mode)), Arrays.toString(cpus.get(mode)));
    }
    System.out.printf(Locale.ROOT, "%-44s %9s %7s  %s%n", "javac entering the sources", "median ms", "passes",
        "runs");
    for (Mode mode : Mode.values()) {
      System.out.printf(Locale.ROOT, "  %-42s %9d %7d  %s%n", mode.label, median(enters.get(mode)), passes.get(mode),
          Arrays.toString(enters.get(mode)));
    }
    System.out.printf(Locale.ROOT, "%-44s %9s %7s  %s%n", "peak heap used", "median MiB", "", "runs");
    for (Mode mode : Mode.values()) {
      System.out.printf(Locale.ROOT, "  %-42s %9d %7s  %s%n", mode.label, median(heaps.get(mode)), "",
          Arrays.toString(heaps.get(mode)));
    }
    long plain = median(times.get(Mode.PLAIN));
    System.out.printf(Locale.ROOT, "ratio, Lake / javac alone, medians: %.3f (target < 1.10)%n",
        (double) median(times.get(Mode.LAKE)) / plain);
    System.out.printf(Locale.ROOT, "ratio, Lake / javac alone, minimums: %.3f%n",
        (double) min(times.get(Mode.LAKE)) / min(times.get(Mode.PLAIN)));
    System.out.printf(Locale.ROOT, "ratio, Lake / no-op writing one resource, medians: %.3f%n",
        (double) median(times.get(Mode.LAKE)) / median(times.get(Mode.NO_OP_WITH_RESOURCE)));
    System.out.printf(Locale.ROOT, "ratio of CPU, Lake / no-op writing one resource, medians: %.3f%n",
        (double) median(cpus.get(Mode.LAKE)) / median(cpus.get(Mode.NO_OP_WITH_RESOURCE)));
    System.out.printf(Locale.ROOT, "ratio, reading-only / no-op writing one resource, medians: %.3f%n",
        (double) median(times.get(Mode.READ_ONLY)) / median(times.get(Mode.NO_OP_WITH_RESOURCE)));
    System.out.printf(Locale.ROOT, "time inside Lake's processor / javac alone, medians: %.3f%n",
        (double) median(inside) / plain);
    try (var paths = Files.walk(project)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Runs one compile in a fresh JVM; returns its time and the time inside Lake's processor. */
  private static long[] child(Path project, Mode mode) throws IOException, InterruptedException {
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(javaBinary, "-Xms2g", "-Xmx2g", "-cp", classPath(),
        ProcessorBenchmark.class.getName(), "--compile", mode.name(), project.toString())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !out.contains("result ")) {
      throw new IllegalStateException("The benchmark's compile failed:\n" + out);
    }
    return Arrays.stream(out.substring(out.lastIndexOf("result ") + 7).strip().split(" "))
        .mapToLong(Long::parseLong).toArray();
  }

  /** This class's own class path, whether run by exec:java (a URL class loader) or by java -cp. */
  private static String classPath() {
    ClassLoader loader = ProcessorBenchmark.class.getClassLoader();
    if (loader instanceof java.net.URLClassLoader urls) {
      List<String> entries = new ArrayList<>();
      for (java.net.URL url : urls.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return String.join(java.io.File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  private static List<Path> sourcesIn(Path src) throws IOException {
    try (var files = Files.walk(src)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static long min(long[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  /** Time spent inside Lake's processor during the last compile, and CPU time of javac's thread there. */
  private static long insideLakeNanos;
  private static long insideLakeCpuNanos;

  /** How often javac entered the sources during the last compile, and how long that took. */
  private static long enterPasses;
  private static long enterNanos;

  /** javac alone, javac with a processor that does nothing, javac with Lake's processor. */
  private enum Mode {
    PLAIN("javac alone (-proc:none)"),
    NO_OP("javac with a processor that does nothing"),
    NO_OP_WITH_RESOURCE("javac with a no-op writing one resource"),
    READ_ONLY("javac with a processor reading all annotations"),
    LAKE("javac with Lake's processor");

    private final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  private static long compile(Path project, List<Path> sources, Mode mode) throws IOException {
    try {
      return compileOnce(project, sources, mode);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long compileOnce(Path project, List<Path> sources, Mode mode)
      throws IOException, URISyntaxException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = project.resolve("out-" + mode);
    Files.createDirectories(out);
    // The generated sources need only Lake's annotations.
    String annotations = Path.of(LakeTable.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath", annotations, "-Xlint:none",
        "-nowarn"));
    if (mode == Mode.PLAIN) {
      options.add("-proc:none");
    }
    long start = System.nanoTime();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavacTask task = (JavacTask) javac.getTask(null, files, null, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      task.addTaskListener(new EnterPasses());
      if (mode == Mode.LAKE) {
        task.setProcessors(List.of(new Timed(new LakeProcessor())));
      } else if (mode == Mode.NO_OP) {
        task.setProcessors(List.of(new NoOp(false)));
      } else if (mode == Mode.NO_OP_WITH_RESOURCE) {
        task.setProcessors(List.of(new NoOp(true)));
      } else if (mode == Mode.READ_ONLY) {
        task.setProcessors(List.of(new Timed(new ReadOnly())));
      }
      if (!task.call()) {
        throw new IllegalStateException("The generated project does not compile");
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Declarations and histories that agree (no drift): step 0 creates {@code id} and {@code c0}; each
   * later step adds a column, widens the previous one and sets a property.
   */
  static List<Path> generate(Path src, int tables, int steps) {
    List<Path> files = new ArrayList<>();
    try {
      for (int t = 0; t < tables; t++) {
        String pkg = "bench.t" + t;
        Path dir = Files.createDirectories(src.resolve("bench/t" + t));
        StringBuilder record = new StringBuilder("package " + pkg + ";\nimport dev.lake.annotations.*;\n"
            + "@LakeTable(name = \"bench.table" + t + "\")\n@Property(key = \"step\", value = \"" + (steps - 1)
            + "\")\npublic record Table" + t + "(@Id long id");
        for (int c = 0; c < steps; c++) {
          record.append(", ").append(c < steps - 1 ? "Long" : "Integer").append(" c").append(c);
        }
        record.append(") {}\n");
        files.add(Files.writeString(dir.resolve("Table" + t + ".java"), record));
        for (int s = 0; s < steps; s++) {
          StringBuilder migration = new StringBuilder("package " + pkg + ";\nimport dev.lake.annotations.*;\n"
              + "@Migration(table = \"bench.table" + t + "\", step = " + s + ")\n");
          if (s == 0) {
            migration.append("@AddColumn(name = \"id\", type = \"long\", required = true)\n")
                .append("@AddColumn(name = \"c0\", type = \"int\")\n@SetIdentifierColumns(\"id\")\n");
          } else {
            migration.append("@AddColumn(name = \"c").append(s).append("\", type = \"int\")\n")
                .append("@UpdateColumnType(path = \"c").append(s - 1).append("\", type = \"long\")\n")
                .append("@SetProperty(key = \"step\", value = \"").append(s).append("\")\n");
          }
          migration.append("public final class V").append(s).append(" implements LakeMigration {}\n");
          files.add(Files.writeString(dir.resolve("V" + s + ".java"), migration));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Writes one resource to the class output, as a processor writing its output does. */
  private static void writeResource(javax.annotation.processing.ProcessingEnvironment environment, String name,
      String content) {
    try (var writer = environment.getFiler().createResource(javax.tools.StandardLocation.CLASS_OUTPUT, "", name)
        .openWriter()) {
      writer.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Claims Lake's annotations and does nothing: what any processor costs javac. */
  @javax.annotation.processing.SupportedAnnotationTypes({"dev.lake.annotations.LakeTable",
      "dev.lake.annotations.Migration"})
  private static final class NoOp extends javax.annotation.processing.AbstractProcessor {
    private final boolean writesResource;
    private boolean written;

    NoOp(boolean writesResource) {
      this.writesResource = writesResource;
    }

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      if (writesResource && !written && !round.processingOver()) {
        written = true;
        writeResource(processingEnv, "META-INF/noop.txt", "x");
      }
      return false;
    }
  }

  /**
   * The least a drift check must do: reads every value of every annotation on Lake's types and on
   * their members, and writes one resource with a count of them. Its time is the floor under Lake's.
   */
  @javax.annotation.processing.SupportedAnnotationTypes({"dev.lake.annotations.LakeTable",
      "dev.lake.annotations.Migration"})
  private static final class ReadOnly extends javax.annotation.processing.AbstractProcessor {
    private boolean written;
    private long values;

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      if (written || round.processingOver()) {
        return false;
      }
      written = true;
      for (javax.lang.model.element.TypeElement annotation : annotations) {
        for (javax.lang.model.element.Element type : round.getElementsAnnotatedWith(annotation)) {
          read(type);
          for (javax.lang.model.element.Element member : type.getEnclosedElements()) {
            read(member);
          }
        }
      }
      writeResource(processingEnv, "META-INF/read.txt", Long.toString(values));
      return false;
    }

    private void read(javax.lang.model.element.Element element) {
      for (javax.lang.model.element.AnnotationMirror mirror : element.getAnnotationMirrors()) {
        read(mirror);
      }
    }

    private void read(javax.lang.model.element.AnnotationMirror mirror) {
      mirror.getAnnotationType().asElement().getSimpleName().toString();
      for (var entry : mirror.getElementValues().entrySet()) {
        entry.getKey().getSimpleName().toString();
        Object value = entry.getValue().getValue();
        if (value instanceof javax.lang.model.element.AnnotationMirror nested) {
          read(nested);
        } else if (value instanceof List<?> list) {
          for (Object item : list) {
            Object itemValue = ((javax.lang.model.element.AnnotationValue) item).getValue();
            if (itemValue instanceof javax.lang.model.element.AnnotationMirror nested) {
              read(nested);
            }
          }
        }
        values++;
      }
    }
  }

  /**
   * Counts javac's passes of entering the sources into its symbol table. javac announces each pass
   * for every compilation unit, all units started before any is finished.
   */
  private static final class EnterPasses implements TaskListener {
    private int open;
    private long start;

    @Override
    public void started(TaskEvent event) {
      if (event.getKind() == TaskEvent.Kind.ENTER && open++ == 0) {
        start = System.nanoTime();
      }
    }

    @Override
    public void finished(TaskEvent event) {
      if (event.getKind() == TaskEvent.Kind.ENTER && --open == 0) {
        enterPasses++;
        enterNanos += System.nanoTime() - start;
      }
    }
  }

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  /** Measures the time spent inside a processor. */
  private static final class Timed extends javax.annotation.processing.AbstractProcessor {
    private final javax.annotation.processing.Processor delegate;

    Timed(javax.annotation.processing.Processor delegate) {
      this.delegate = delegate;
      insideLakeNanos = 0;
      insideLakeCpuNanos = 0;
    }

    @Override
    public java.util.Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public java.util.Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public synchronized void init(javax.annotation.processing.ProcessingEnvironment environment) {
      long start = System.nanoTime();
      long cpu = CPU.getCurrentThreadCpuTime();
      delegate.init(environment);
      insideLakeNanos += System.nanoTime() - start;
      insideLakeCpuNanos += CPU.getCurrentThreadCpuTime() - cpu;
    }

    @Override
    public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      long start = System.nanoTime();
      long cpu = CPU.getCurrentThreadCpuTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        insideLakeNanos += System.nanoTime() - start;
        insideLakeCpuNanos += CPU.getCurrentThreadCpuTime() - cpu;
      }
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
