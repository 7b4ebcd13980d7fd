package io.perftwin.scenarios.parse;

import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns YAML text into the positioned {@link YamlNode} tree, using SnakeYAML's composer (which
 * keeps the position of every node). YAML syntax errors, duplicate keys, merge keys and keys that
 * are not plain scalars are reported as problems.
 */
public final class TreeBuilder {
  private final Problems problems;
  private final Map<Node, Boolean> active = new IdentityHashMap<>();

  private TreeBuilder(Problems problems) {
    this.problems = problems;
  }

  /**
   * The tree of the first YAML document in {@code text}, or {@code null} if the text has no
   * document (empty, or only comments) or a syntax error (reported).
   */
  public static YamlNode build(String text, Problems problems) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      reportSyntaxError(e, problems);
      return null;
    } catch (YAMLException e) {
      problems.add(Mark.at(1, 1, 1), "YAML error: " + oneLine(e.getMessage()));
      return null;
    } catch (RuntimeException e) { // anything else SnakeYAML may throw: still a problem, not a crash
      problems.add(Mark.at(1, 1, 1), "YAML error: " + oneLine(String.valueOf(e.getMessage())));
      return null;
    }
    if (root == null) {
      return null;
    }
    return new TreeBuilder(problems).convert(root, "");
  }

  /**
   * The trees of every YAML document in {@code text} ({@code ---}-separated), in order; empty
   * documents are left out. After a syntax error (reported) the documents read so far are
   * returned.
   */
  public static java.util.List<YamlNode> buildAll(String text, Problems problems) {
    java.util.List<YamlNode> out = new java.util.ArrayList<>();
    try {
      for (Node root : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
        if (root != null) {
          out.add(new TreeBuilder(problems).convert(root, ""));
        }
      }
    } catch (MarkedYAMLException e) {
      reportSyntaxError(e, problems);
    } catch (RuntimeException e) { // YAMLException and anything else SnakeYAML may throw
      problems.add(Mark.at(1, 1, 1), "YAML error: " + oneLine(String.valueOf(e.getMessage())));
    }
    return out;
  }

  private static void reportSyntaxError(MarkedYAMLException e, Problems problems) {
    org.yaml.snakeyaml.error.Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? oneLine(e.getProblem()) : oneLine(e.getMessage());
    String context = e.getContext();
    String hint = null;
    if (problem.contains("(TAB)") || problem.contains("\\t")) {
      problem = "a tab character, which YAML does not allow here";
      hint = "indent with spaces";
    } else if (problem.contains("mapping values are not allowed")) {
      hint = "check the indentation, and quote values that contain ': '";
    } else if (problem.contains("cannot start any token")) {
      problem = problem.replaceAll("\\s*\\(Do not use .* for indentation\\)", "");
      hint = "quote the value";
    } else if (problem.contains("found another document")) {
      problem = "a second YAML document; a scenario file holds one";
      context = null;
      hint = "remove the '---' line and what follows, or put it in its own file";
    } else if (problem.contains("expected <block end>")) {
      hint = "check the indentation of this line and the lines above";
    }
    if (problem.endsWith(".")) {
      problem = problem.substring(0, problem.length() - 1);
    }
    StringBuilder message = new StringBuilder("YAML syntax error: ").append(problem);
    org.yaml.snakeyaml.error.Mark cm = e.getContextMark();
    if (context != null && !context.isBlank() && cm != null && at != null && cm.getLine() != at.getLine()) {
      message.append(" (").append(oneLine(context)).append(" that started at line ").append(cm.getLine() + 1).append(')');
    }
    Mark mark = at == null ? Mark.at(1, 1, 1) : Mark.at(at.getLine() + 1, at.getColumn() + 1, 1);
    problems.add(mark, message.toString(), java.util.List.of(), hint);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private YamlNode convert(Node node, String path) {
    Mark mark = markOf(node, !(node instanceof ScalarNode));
    if (active.containsKey(node)) {
      problems.add(mark, "recursive YAML alias " + where(path) + "; write the values out");
      return new YamlScalar(mark, "", true, YamlScalar.Style.OTHER);
    }
    active.put(node, Boolean.TRUE);
    try {
      if (node instanceof ScalarNode s) {
        return scalar(s);
      }
      if (node instanceof SequenceNode seq) {
        YamlList list = new YamlList(mark);
        int i = 0;
        for (Node item : seq.getValue()) {
          list.add(convert(item, path.isEmpty() ? Integer.toString(i) : path + "." + i));
          i++;
        }
        return list;
      }
      if (node instanceof MappingNode map) {
        return map(map, mark, path);
      }
      problems.add(mark, "unsupported YAML node " + where(path));
      return new YamlScalar(mark, "", true, YamlScalar.Style.OTHER);
    } finally {
      active.remove(node);
    }
  }

  private YamlMap map(MappingNode node, Mark mark, String path) {
    YamlMap map = new YamlMap(mark);
    for (NodeTuple t : node.getValue()) {
      Node k = t.getKeyNode();
      Mark keyMark = markOf(k, true);
      if (!(k instanceof ScalarNode ks)) {
        problems.add(keyMark, "a key " + where(path) + " must be a plain name, got " + (k instanceof SequenceNode ? "a list" : "a map"));
        continue;
      }
      if (Tag.MERGE.equals(ks.getTag())) {
        problems.add(keyMark, "YAML merge keys ('<<') are not supported; write the keys out");
        continue;
      }
      YamlScalar key = scalar(ks);
      if (key.value().isEmpty()) {
        problems.add(keyMark, "empty key " + where(path));
        continue;
      }
      YamlMap.Entry first = map.entry(key.value());
      if (first != null) {
        problems.add(keyMark, "duplicate key " + Texts.quote(key.value()) + " " + where(path)
            + " (first at line " + first.key().mark().line() + ")");
        continue;
      }
      String childPath = path.isEmpty() ? key.value() : path + "." + key.value();
      map.put(key, convert(t.getValueNode(), childPath));
    }
    return map;
  }

  private static String where(String path) {
    return path.isEmpty() ? "at the top level" : "in " + Texts.quote(path);
  }

  private static YamlScalar scalar(ScalarNode s) {
    boolean oneLine = s.getStartMark() != null && s.getEndMark() != null
        && s.getStartMark().getLine() == s.getEndMark().getLine();
    DumperOptions.ScalarStyle st = s.getScalarStyle();
    YamlScalar.Style style;
    if (oneLine && st == DumperOptions.ScalarStyle.PLAIN) {
      style = YamlScalar.Style.PLAIN;
    } else if (oneLine && (st == DumperOptions.ScalarStyle.SINGLE_QUOTED || st == DumperOptions.ScalarStyle.DOUBLE_QUOTED)) {
      style = YamlScalar.Style.QUOTED;
    } else {
      style = YamlScalar.Style.OTHER;
    }
    boolean isNull = Tag.NULL.equals(s.getTag()) && s.isPlain();
    return new YamlScalar(markOf(s, false), s.getValue(), isNull, style);
  }

  /** 1-based position; a collection spanning lines is marked with one character. */
  private static Mark markOf(Node n, boolean collection) {
    org.yaml.snakeyaml.error.Mark start = n.getStartMark();
    org.yaml.snakeyaml.error.Mark end = n.getEndMark();
    if (start == null) {
      return Mark.at(1, 1, 1);
    }
    int length;
    if (end != null && end.getLine() == start.getLine()) {
      length = end.getColumn() - start.getColumn();
    } else {
      length = collection ? 1 : Integer.MAX_VALUE;
    }
    return Mark.at(start.getLine() + 1, start.getColumn() + 1, length);
  }
}
