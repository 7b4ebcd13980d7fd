package io.perftwin.loadgen.gatling;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of the Gatling child JVM: Gatling, its dependencies, perftwin-loadgen and the
 * {@code perftwin-gatling} module's classes (its {@code GatlingMain} and {@code PlanSimulation}).
 *
 * <p>{@link #resolve()} takes, in order: the system property {@value #PROPERTY} (a classpath, entries
 * separated by {@link File#pathSeparator}); else the module built in a source checkout, found by
 * walking up from the working directory to a folder with {@value #MODULE}{@code /target/gatling-classpath.txt}
 * (written by the module's build, {@code maven-dependency-plugin:build-classpath}) and using it
 * after {@value #MODULE}{@code /target/classes}.
 */
public record GatlingClasspath(List<Path> entries) {
  /** System property holding the whole child classpath. */
  public static final String PROPERTY = "perftwin.gatling.classpath";
  /** Where the module lives in a source checkout. */
  public static final String MODULE = "loadgen/gatling";

  public GatlingClasspath {
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("the Gatling classpath is empty");
    }
  }

  /** See the class documentation. */
  public static GatlingClasspath resolve() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return parse(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path module = dir.resolve(MODULE);
      if (Files.isRegularFile(module.resolve("target/gatling-classpath.txt"))) {
        return fromModule(module);
      }
    }
    throw new IllegalStateException("the Gatling classpath is unknown: set -D" + PROPERTY
        + "=<classpath>, or run from the source checkout after building the module (mvn -o -pl " + MODULE + " package)");
  }

  /** The classpath of a built {@code loadgen/gatling} module folder. */
  public static GatlingClasspath fromModule(Path moduleDir) {
    Path file = moduleDir.resolve("target/gatling-classpath.txt");
    Path classes = moduleDir.resolve("target/classes");
    if (!Files.isDirectory(classes.resolve("io/perftwin/gatling"))) {
      throw new IllegalStateException(classes + " has no io/perftwin/gatling classes; build " + moduleDir
          + " (mvn -o -pl " + MODULE + " package)");
    }
    try {
      List<Path> entries = new ArrayList<>();
      entries.add(classes.toAbsolutePath());
      entries.addAll(parse(Files.readString(file, StandardCharsets.UTF_8).strip()).entries());
      return new GatlingClasspath(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A classpath string, entries separated by {@link File#pathSeparator}. */
  public static GatlingClasspath parse(String classpath) {
    List<Path> entries = new ArrayList<>();
    for (String e : classpath.split(File.pathSeparator)) {
      if (!e.isBlank()) {
        entries.add(Path.of(e.strip()));
      }
    }
    return new GatlingClasspath(entries);
  }

  /** This classpath with {@code first} in front. */
  public GatlingClasspath prepend(Path first) {
    List<Path> all = new ArrayList<>();
    all.add(first);
    all.addAll(entries);
    return new GatlingClasspath(all);
  }

  /** The classpath as one string for {@code java -cp} or {@code javac -classpath}. */
  public String asString() {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }
}
