package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.Feeders;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code load.feeders:}, the test data of the requests' {@code ${variables}}: each feeder
 * is read from a CSV file (relative to the scenario file) or written inline, and its columns are
 * the variables it provides.
 */
final class FeederBinder {
  static final List<String> KEYS = List.of("name", "csv", "inline", "strategy");
  static final List<String> STRATEGIES = List.of("sequential", "random", "shuffle");
  private static final String EXAMPLE = "- {name: skus, csv: data/skus.csv}";

  private final Values values;
  private final Problems problems;
  private final Path baseDir;
  private final Map<String, String> files = new LinkedHashMap<>();
  private boolean allRead = true;

  /** @param baseDir the folder of the scenario file, against which CSV paths are resolved */
  FeederBinder(Values values, Path baseDir) {
    this.values = values;
    this.problems = values.problems();
    this.baseDir = baseDir;
  }

  /** Feeder name → CSV path as written, for the feeders read from files. */
  Map<String, String> files() {
    return files;
  }

  /**
   * The variables the feeders provide, or {@code null} if some feeder could not be read (then
   * requests are checked for template syntax only, so that one bad feeder does not make every
   * variable "unknown").
   */
  Set<String> variables(List<Feeder> feeders) {
    if (!allRead || feeders == null) {
      return null;
    }
    Set<String> vars = new LinkedHashSet<>();
    feeders.forEach(f -> vars.addAll(f.columns()));
    return vars;
  }

  List<Feeder> bind(YamlNode node) {
    YamlList list = values.list(node, "feeders");
    if (list == null) {
      allRead = false;
      return null;
    }
    List<Feeder> feeders = new ArrayList<>();
    Map<String, Mark> names = new HashMap<>();
    Map<String, String> columnOwner = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Feeder f = feeder(list.get(i), "load.feeders." + i, names, columnOwner);
      if (f == null) {
        allRead = false;
      } else {
        feeders.add(f);
      }
    }
    return allRead ? feeders : null;
  }

  private Feeder feeder(YamlNode item, String path, Map<String, Mark> names, Map<String, String> columnOwner) {
    YamlMap map = values.map(item, path);
    if (map == null) {
      return null;
    }
    boolean ok = true;
    String name = null;
    YamlNode nameNode = map.get("name");
    if (nameNode != null) {
      name = values.string(nameNode, "name");
      if (name != null && !name(name, nameNode.mark(), names)) {
        name = null;
      }
    }
    String where = name != null ? "in feeder " + Texts.quote(name) : "in " + Texts.quote(path);
    MapReader r = new MapReader(problems, map, item.mark(), where, KEYS).reportUnknownKeys();
    r.required("name");
    ok &= name != null;

    Feeder.Strategy strategy = Feeder.Strategy.SEQUENTIAL;
    if (r.optional("strategy") != null) {
      String s = values.oneOf(r.optional("strategy"), "strategy", "strategy", STRATEGIES);
      ok &= s != null;
      strategy = s == null ? strategy : Feeder.Strategy.valueOf(s.toUpperCase(Locale.ROOT));
    }
    String label = name != null ? name : "feeder";

    YamlNode csv = r.optional("csv");
    YamlNode inline = r.optional("inline");
    Feeder feeder;
    if (csv != null && inline != null) {
      problems.add(r.keyMark("inline"), (name != null ? "feeder " + Texts.quote(name) : Texts.quote(path))
          + " has both 'csv' and 'inline'; give one");
      return null;
    } else if (csv != null) {
      feeder = csv(csv, label, strategy);
    } else if (inline != null) {
      feeder = inline(inline, label, strategy, r.keyMark("inline"));
    } else {
      if (!r.misspelt("csv") && !r.misspelt("inline")) {
        problems.add(item.mark(), "missing data " + where + ": give 'csv: FILE' or 'inline: [rows]'", List.of(),
            "e.g. '" + EXAMPLE + "'");
      }
      return null;
    }
    if (!ok || feeder == null) {
      return null;
    }
    for (String column : feeder.columns()) {
      String other = columnOwner.putIfAbsent(column, name);
      if (other != null) {
        problems.add(nameNode.mark(), "column " + Texts.quote(column) + " of feeder " + Texts.quote(name)
            + " is also a column of feeder " + Texts.quote(other) + "; a variable must come from one feeder",
            List.of(), "rename one of the columns");
        return null;
      }
    }
    if (csv != null) {
      files.put(name, ((YamlScalar) csv).value().strip());
    }
    return feeder;
  }

  private boolean name(String name, Mark at, Map<String, Mark> seen) {
    if (!Feeder.NAME.matcher(name).matches()) {
      problems.add(at, "feeder name must be 1 to 64 letters, digits, '_' or '-', got " + Texts.quote(name));
      return false;
    }
    if (seen.containsKey(name)) {
      problems.add(at, "duplicate feeder name " + Texts.quote(name) + " (first " + LoadBinder.where(seen.get(name)) + ")");
      return false;
    }
    seen.put(name, at);
    return true;
  }

  private Feeder csv(YamlNode node, String name, Feeder.Strategy strategy) {
    Values.WrittenPath path = values.path(node, "csv", "the path of a CSV file", baseDir);
    if (path == null) {
      return null;
    }
    YamlScalar s = path.scalar();
    String written = path.written();
    Path file = path.file();
    String why;
    try {
      if (written.isEmpty()) {
        why = "the path is empty";
      } else if (Files.isDirectory(file)) {
        why = "it is a directory";
      } else {
        return Feeders.readCsv(file, name, strategy);
      }
    } catch (NoSuchFileException e) {
      why = "no such file";
    } catch (AccessDeniedException e) {
      why = "permission denied";
    } catch (IOException e) {
      why = String.valueOf(e.getMessage());
    } catch (IllegalArgumentException e) { // the content: its message starts with the file and line
      problems.add(s.mark(), "feeder " + Texts.quote(name) + ": " + e.getMessage());
      return null;
    }
    String looked = file.toString().equals(written) ? "" : " (looked for " + file + ")";
    problems.add(s.mark(), "cannot read CSV file " + Texts.quote(written) + " of feeder " + Texts.quote(name) + ": "
        + why + looked, List.of(), "CSV paths are relative to the scenario file");
    return null;
  }

  private Feeder inline(YamlNode node, String name, Feeder.Strategy strategy, Mark keyMark) {
    YamlList list = values.list(node, "inline");
    if (list == null) {
      return null;
    }
    if (list.size() == 0) {
      problems.add(keyMark, "'inline' of feeder " + Texts.quote(name) + " must have at least one row", List.of(),
          "e.g. 'inline: [{sku: A-1001}, {sku: A-1002}]'");
      return null;
    }
    List<String> columns = null;
    List<List<String>> rows = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      YamlMap row = values.map(list.get(i), "inline." + i);
      if (row == null) {
        ok = false;
        continue;
      }
      if (columns == null) {
        columns = columns(row, name);
        if (columns == null) {
          return null;
        }
      }
      List<String> cells = row(row, i, columns, name);
      ok &= cells != null;
      if (cells != null) {
        rows.add(cells);
      }
    }
    return ok && columns != null ? new Feeder(name, columns, rows, strategy) : null;
  }

  /** The column names, from the first row; {@code null} after reporting a bad one. */
  private List<String> columns(YamlMap first, String name) {
    if (first.size() == 0) {
      problems.add(first.mark(), "row 1 of feeder " + Texts.quote(name) + " has no columns", List.of(),
          "write each row as a map of column to value, e.g. '{sku: A-1001, qty: 2}'");
      return null;
    }
    List<String> columns = new ArrayList<>();
    for (YamlMap.Entry e : first.entries()) {
      String c = e.key().value();
      if (!Feeder.COLUMN.matcher(c).matches()) {
        problems.add(e.key().mark(), "column name " + Texts.quote(c) + " must start with a letter or '_' and go on with"
            + " letters, digits, '_', '.' or '-' (at most 64), as templates use it: ${name}");
        return null;
      }
      columns.add(c);
    }
    return columns;
  }

  /** One row's values in column order; every row has the columns of the first. */
  private List<String> row(YamlMap row, int index, List<String> columns, String name) {
    boolean ok = true;
    for (YamlMap.Entry e : row.entries()) {
      String c = e.key().value();
      if (!columns.contains(c)) {
        problems.add(e.key().mark(), "column " + Texts.quote(c) + " of row " + (index + 1) + " is not a column of row 1 of feeder "
            + Texts.quote(name), columns, DidYouMean.hint(c, columns));
        ok = false;
      }
    }
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      YamlNode v = row.get(c);
      if (v == null) {
        problems.add(row.mark(), "row " + (index + 1) + " of feeder " + Texts.quote(name) + " has no " + Texts.quote(c)
            + "; every row has the columns of row 1: " + String.join(", ", columns));
        ok = false;
        continue;
      }
      String s = values.string(v, c);
      ok &= s != null;
      out.add(s);
    }
    return ok ? out : null;
  }
}
