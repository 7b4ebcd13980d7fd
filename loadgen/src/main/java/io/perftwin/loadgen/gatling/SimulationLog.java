package io.perftwin.loadgen.gatling;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gatling {@code simulation.log} read back: the binary format Gatling {@value #SUPPORTED_VERSION}
 * writes (its {@code LogFileDataWriter}). Other versions are refused, since the format has no
 * version of its own and changes between Gatling releases.
 *
 * <p>The format, all integers big-endian: a sequence of records, each a one-byte header then its
 * fields. Strings are {@code int length} then, when the length is not 0, the bytes of the
 * {@code String}'s internal array and one byte of its coder (0 Latin-1, 1 UTF-16 in the writer's
 * native byte order, little-endian on x86 and ARM). A "cached" string is an {@code int}: {@code n > 0}
 * followed by a string that gets index {@code n}, or {@code -n} for the string of index {@code n}.
 * Times are {@code int} milliseconds since the run start.
 *
 * <ul>
 *   <li>0, run: Gatling version, simulation class, start (epoch ms, {@code long}), run
 *       description, scenario count and names, assertion count and each as length-prefixed bytes;
 *   <li>1, request: group count and cached group names, cached request name, start, end, ok
 *       ({@code byte} 1/0), cached message ({@code ""} when OK);
 *   <li>2, user: scenario index, start ({@code byte}), time;
 *   <li>3, group: group count and names, start, end, cumulated response time, ok;
 *   <li>4, error: cached message, time.
 * </ul>
 *
 * <p>Gatling buffers 8 KiB before writing, so a process that died leaves a file cut in the
 * middle of a record: reading stops there, {@link #truncated()} is set, and every complete record
 * is kept.
 *
 * @param gatlingVersion the version that wrote the file
 * @param simulationClass the simulation's class name
 * @param startEpochMillis the run start every time is relative to
 * @param scenarios scenario names, by index
 * @param requests every complete request record, in file order
 * @param truncated whether the file ended in the middle of a record
 */
public record SimulationLog(
    String gatlingVersion,
    String simulationClass,
    long startEpochMillis,
    List<String> scenarios,
    List<Request> requests,
    boolean truncated) {

  /** The Gatling version whose format this reader reads. */
  public static final String SUPPORTED_VERSION = "3.15.1";

  public SimulationLog {
    scenarios = List.copyOf(scenarios);
    requests = List.copyOf(requests);
  }

  /**
   * One request: Gatling's own record of it.
   *
   * @param groups enclosing groups, outermost first
   * @param name request name
   * @param startMillis start, ms since the run start (when Gatling sent it)
   * @param endMillis end, ms since the run start
   * @param ok whether Gatling counted it OK
   * @param message the KO message, {@code ""} when OK
   */
  public record Request(List<String> groups, String name, int startMillis, int endMillis, boolean ok, String message) {
    public Request {
      groups = List.copyOf(groups);
    }

    /** Response time as Gatling counts it, in milliseconds. */
    public int responseTimeMillis() {
      return endMillis - startMillis;
    }
  }

  /**
   * Reads a file.
   *
   * @throws UnsupportedGatlingVersionException if another Gatling version wrote it
   * @throws IllegalArgumentException if it is not a simulation.log (first record not a run record)
   * @throws UncheckedIOException if it cannot be read
   */
  public static SimulationLog read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static SimulationLog read(InputStream raw, String source) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    int header = in.read();
    if (header != 0) {
      throw new IllegalArgumentException(source + " is not a Gatling simulation.log: it starts with byte " + header
          + ", expected the run record (0)");
    }
    String version;
    String simulation;
    long start;
    List<String> scenarios = new ArrayList<>();
    try {
      version = string(in);
      if (!SUPPORTED_VERSION.equals(version)) {
        throw new UnsupportedGatlingVersionException(version, SUPPORTED_VERSION, source);
      }
      simulation = string(in);
      start = in.readLong();
      string(in); // run description
      int scenarioCount = in.readInt();
      for (int i = 0; i < scenarioCount; i++) {
        scenarios.add(string(in));
      }
      int assertions = in.readInt();
      for (int i = 0; i < assertions; i++) {
        in.skipNBytes(in.readInt());
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException(source + " ends inside its run record; Gatling wrote nothing usable", e);
    }
    Map<Integer, String> cache = new HashMap<>();
    List<Request> requests = new ArrayList<>();
    boolean truncated = false;
    try {
      int h;
      while ((h = in.read()) >= 0) {
        switch (h) {
          case 1 -> {
            List<String> groups = groups(in, cache);
            String name = cached(in, cache);
            int s = in.readInt();
            int e = in.readInt();
            boolean ok = in.readByte() != 0;
            String message = cached(in, cache);
            requests.add(new Request(groups, name, s, e, ok, message));
          }
          case 2 -> {
            in.readInt();
            in.readByte();
            in.readInt();
          }
          case 3 -> {
            groups(in, cache);
            in.readInt();
            in.readInt();
            in.readInt();
            in.readByte();
          }
          case 4 -> {
            cached(in, cache);
            in.readInt();
          }
          default -> throw new IllegalArgumentException(source + ": unknown record type " + h + " after "
              + requests.size() + " requests; the file is corrupt or not from Gatling " + SUPPORTED_VERSION);
        }
      }
    } catch (EOFException e) {
      truncated = true;
    }
    return new SimulationLog(version, simulation, start, scenarios, requests, truncated);
  }

  private static List<String> groups(DataInputStream in, Map<Integer, String> cache) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1000) {
      throw new IllegalArgumentException("group depth " + n + " is not plausible; the file is corrupt");
    }
    List<String> groups = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      groups.add(cached(in, cache));
    }
    return groups;
  }

  private static String cached(DataInputStream in, Map<Integer, String> cache) throws IOException {
    int index = in.readInt();
    if (index > 0) {
      String s = string(in);
      cache.put(index, s);
      return s;
    }
    String s = cache.get(-index);
    if (s == null) {
      throw new IllegalArgumentException("string reference " + index + " before its definition; the file is corrupt");
    }
    return s;
  }

  private static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length == 0) {
      return "";
    }
    if (length < 0 || length > (64 << 20)) {
      throw new IllegalArgumentException("string length " + length + " is not plausible; the file is corrupt");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException();
    }
    int coder = in.read();
    if (coder < 0) {
      throw new EOFException();
    }
    return coder == 0 ? new String(bytes, StandardCharsets.ISO_8859_1) : new String(bytes, StandardCharsets.UTF_16LE);
  }
}
