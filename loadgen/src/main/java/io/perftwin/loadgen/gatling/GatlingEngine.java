package io.perftwin.loadgen.gatling;

import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs load with Gatling, in a JVM of its own (Gatling calls {@code System.exit}), and returns what
 * it measured as a {@link MeasuredRun}, read exactly from Gatling's {@code simulation.log}
 * ({@link SimulationLog}, {@link GatlingResults}).
 *
 * <p>Two ways in: {@link #runSimulation} runs a user's simulation class (compiled first from a
 * folder of {@code .java} sources if one is given), {@link #runPlan} runs a perftwin
 * {@link LoadPlan} through the child's {@code io.perftwin.gatling.PlanSimulation}.
 *
 * <p>Everything goes under {@code <runDir>/gatling/}: {@code classes/} (compiled sources),
 * {@code plan.json}, {@code gatling.out} (the child's output) and {@code results/<run id>/}, where
 * Gatling writes {@code simulation.log} and its HTML report ({@link GatlingRun#reportIndex()}).
 *
 * <p>A stop asked through {@link RunControl} ends the child (SIGTERM, then SIGKILL after
 * {@link #STOP_GRACE}); what it had written is converted and the run is marked interrupted. A
 * child that dies by itself gives a run marked {@code gatling process died (exit N)}, with the
 * requests its log holds.
 */
public final class GatlingEngine {
  /** How long a stopped child has to exit before it is killed. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(10);
  /** The child's main class. */
  public static final String MAIN_CLASS = "io.perftwin.gatling.GatlingMain";
  /** The simulation that runs a plan. */
  public static final String PLAN_SIMULATION = "io.perftwin.gatling.PlanSimulation";
  /** System property through which a user simulation learns the target's base URI. */
  public static final String TARGET_PROPERTY = "perftwin.target";
  /** GatlingMain's exit status when the simulation class is missing. */
  static final int EXIT_NO_SIMULATION = 65;

  private final GatlingClasspath classpath;
  private final Clock wallClock;
  private final List<String> jvmArgs;
  private final Consumer<ProcessHandle> onStart;

  /**
   * @param classpath the child's classpath, usually {@link GatlingClasspath#resolve()}
   * @param wallClock for the run's end time
   * @param jvmArgs extra JVM options for the child (e.g. {@code -Xmx1g}); may be empty
   * @param onStart called with the child process as soon as it started (e.g. to log its pid)
   */
  public GatlingEngine(GatlingClasspath classpath, Clock wallClock, List<String> jvmArgs, Consumer<ProcessHandle> onStart) {
    this.classpath = Objects.requireNonNull(classpath, "classpath");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.jvmArgs = List.copyOf(jvmArgs);
    this.onStart = Objects.requireNonNull(onStart, "onStart");
  }

  /** An engine with {@link GatlingClasspath#resolve()}, the system clock and no extra JVM options. */
  public GatlingEngine() {
    this(GatlingClasspath.resolve(), Clock.systemUTC(), List.of(), p -> {});
  }

  /**
   * Runs a perftwin plan with Gatling. See docs/gatling.md for how the plan maps to Gatling.
   *
   * @param runDir the run folder; {@code gatling/} is created in it
   * @param latencyLog receives the interval histograms (written once the child has exited)
   */
  public GatlingRun runPlan(LoadPlan plan, Path runDir, LatencyLogWriter latencyLog, RunControl control) {
    Path dir = gatlingDir(runDir);
    Path planFile = dir.resolve("plan.json");
    PlanFile.write(plan, planFile);
    return launch(PLAN_SIMULATION, classpath, List.of("-D" + "perftwin.gatling.plan=" + planFile), dir, plan, latencyLog,
        control);
  }

  /**
   * Runs a user's Gatling simulation.
   *
   * @param simulationClass fully qualified class name, e.g. {@code perftwin.examples.CheckoutSimulation}
   * @param sources a folder of {@code .java} sources to compile against Gatling first, or {@code null}
   *     if the class is already on the classpath
   * @param target the target's base URI, passed to the simulation as system property
   *     {@value #TARGET_PROPERTY}; {@code null} for none
   * @param runDir the run folder; {@code gatling/} is created in it
   * @throws GatlingSimulationException if the sources do not compile, or the class is missing or not
   *     a Gatling simulation
   */
  /** System property telling a simulation compiled from sources the absolute path of that sources folder. */
  public static final String SOURCES_PROPERTY = "perftwin.simulationSources";

  public GatlingRun runSimulation(String simulationClass, Path sources, java.net.URI target, Path runDir,
      LatencyLogWriter latencyLog, RunControl control) throws GatlingSimulationException {
    Objects.requireNonNull(simulationClass, "simulationClass");
    Path dir = gatlingDir(runDir);
    GatlingClasspath cp = classpath;
    if (sources != null) {
      Path classes = dir.resolve("classes");
      compile(simulationClass, sources, classes);
      cp = classpath.prepend(classes.toAbsolutePath());
    }
    checkLoadable(simulationClass, cp);
    List<String> properties = new ArrayList<>();
    if (target != null) {
      properties.add("-D" + TARGET_PROPERTY + "=" + target);
    }
    if (sources != null) {
      // Lets a simulation find files next to its sources wherever twin was started from.
      properties.add("-D" + SOURCES_PROPERTY + "=" + sources.toAbsolutePath());
    }
    return launch(simulationClass, cp, properties, dir, null, latencyLog, control);
  }

  /**
   * Compiles every {@code .java} file under {@code sources} into {@code classes}, against the
   * Gatling classpath, for Java 17.
   *
   * @throws GatlingSimulationException with the compiler's errors if they do not compile
   */
  void compile(String simulationClass, Path sources, Path classes) throws GatlingSimulationException {
    if (!Files.isDirectory(sources)) {
      throw new GatlingSimulationException(simulationClass, "simulation sources folder " + sources + " does not exist",
          List.of());
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
      Files.createDirectories(classes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sources, e);
    }
    if (files.isEmpty()) {
      throw new GatlingSimulationException(simulationClass, "simulation sources folder " + sources + " has no .java file",
          List.of());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home") + ": run perftwin on a JDK");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", classpath.asString(), "-d", classes.toString(), "--release", "17",
          "-proc:none", "-encoding", "UTF-8", "-nowarn");
      ok = javac.getTask(out, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!ok) {
      List<String> messages = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
          messages.add(where + d.getMessage(Locale.ROOT));
        }
      }
      if (messages.isEmpty() && !out.toString().isBlank()) {
        messages.add(out.toString().strip());
      }
      throw new GatlingSimulationException(simulationClass, "simulation sources in " + sources + " do not compile ("
          + messages.size() + " error" + (messages.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", messages),
          messages);
    }
  }

  /** Loads (without initialising) the class on the child's classpath, as the child would. */
  private static void checkLoadable(String simulationClass, GatlingClasspath cp) throws GatlingSimulationException {
    List<URL> urls = new ArrayList<>();
    for (Path p : cp.entries()) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("bad classpath entry " + p, e);
      }
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Class<?> c;
      try {
        c = Class.forName(simulationClass, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new GatlingSimulationException(simulationClass, "simulation class '" + simulationClass
            + "' not found (looked in the compiled sources and the Gatling classpath)", List.of());
      }
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        String n = k.getName();
        if (n.equals("io.gatling.javaapi.core.Simulation") || n.equals("io.gatling.core.scenario.Simulation")) {
          return;
        }
      }
      throw new GatlingSimulationException(simulationClass, "class '" + simulationClass
          + "' is not a Gatling simulation: it must extend io.gatling.javaapi.core.Simulation", List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GatlingRun launch(String simulationClass, GatlingClasspath cp, List<String> extraProperties, Path dir,
      LoadPlan plan, LatencyLogWriter latencyLog, RunControl control) {
    Path results = dir.resolve("results");
    Path output = dir.resolve("gatling.out");
    List<String> cmd = new ArrayList<>();
    // The child runs in this JVM's working directory: relative paths in a simulation (feeder
    // files) resolve as they would for the caller.
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--add-opens");
    cmd.add("java.base/java.lang=ALL-UNNAMED");
    cmd.addAll(jvmArgs);
    // No internet: no warm-up request to gatling.io, no usage analytics; JSSE, epoll.
    cmd.add("-Dgatling.http.warmUpUrl=");
    cmd.add("-Dgatling.data.enableAnalytics=false");
    cmd.add("-Dgatling.ssl.useOpenSsl=false");
    cmd.add("-Dgatling.netty.useIoUring=false");
    cmd.addAll(extraProperties);
    cmd.add("-cp");
    cmd.add(cp.asString());
    cmd.add(MAIN_CLASS);
    cmd.add(simulationClass);
    cmd.add(results.toAbsolutePath().toString());

    Process process;
    try {
      Files.createDirectories(results);
      process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Gatling JVM: " + String.join(" ", cmd), e);
    }
    onStart.accept(process.toHandle());
    boolean stopped = false;
    int exit;
    try {
      while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
        if (control.isStopRequested() && !stopped) {
          stopped = true;
          process.destroy();
          if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
          }
        }
      }
      exit = process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      control.requestStop("interrupted");
      stopped = true;
      exit = -1;
    }
    Instant end = wallClock.instant();

    if (exit == EXIT_NO_SIMULATION) {
      throw new IllegalStateException("the Gatling JVM could not load " + simulationClass + ": " + lastLines(output));
    }
    List<String> invalid = new ArrayList<>();
    if (stopped) {
      invalid.add("interrupted: " + control.stopReason());
    } else if (exit != 0 && exit != 2) {
      invalid.add("gatling process died (exit " + exit + "); see " + output);
    }
    Path log = find(results, "simulation.log");
    if (log == null) {
      invalid.add("gatling wrote no simulation.log (exit " + exit + "); see " + output + ": " + lastLines(output));
      latencyLog.start(end.toEpochMilli(), "perftwin latency log of a Gatling run that recorded nothing");
      MeasuredRun empty = new MeasuredRun(end, end, 0, 0, java.util.Map.of(), Histograms.create(), List.of(), invalid);
      return new GatlingRun(empty, exit, null, null, output);
    }
    MeasuredRun run = GatlingResults.convert(SimulationLog.read(log), plan, end, latencyLog, invalid);
    Path index = log.resolveSibling("index.html");
    return new GatlingRun(run, exit, log, Files.isRegularFile(index) ? index : null, output);
  }

  private static Path gatlingDir(Path runDir) {
    Path dir = runDir.resolve("gatling");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    return dir;
  }

  private static Path find(Path dir, String name) {
    try (Stream<Path> walk = Files.walk(dir, 2)) {
      return walk.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static String lastLines(Path output) {
    try {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no output)";
    }
  }
}
