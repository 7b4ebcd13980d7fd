package io.perftwin.scenarios;

import io.perftwin.loadgen.Utf8;
import io.perftwin.scenarios.parse.Mark;
import io.perftwin.scenarios.parse.OverrideApplier;
import io.perftwin.scenarios.parse.Problems;
import io.perftwin.scenarios.parse.ScenarioBinder;
import io.perftwin.scenarios.parse.SourceText;
import io.perftwin.scenarios.parse.TreeBuilder;
import io.perftwin.scenarios.parse.YamlMap;
import io.perftwin.scenarios.parse.YamlNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a scenario file (format: docs/scenario-reference.md) into a {@link Scenario}.
 *
 * <p>The YAML is composed into a tree that keeps the position of every node, the overrides are
 * applied to that tree, and the tree is bound to the model by hand-written code. Every problem
 * found is collected (unknown keys, wrong types, bad values, missing keys, bad SLOs, bad
 * overrides), and all of them are thrown together in one {@link ScenarioException} whose message
 * shows each with its position, a marked snippet, the allowed values and a suggestion.
 */
public final class ScenarioParser {
  private ScenarioParser() {}

  /** Parses {@code file} without overrides. */
  public static Scenario parse(Path file) throws ScenarioException {
    return parse(file, Overrides.NONE);
  }

  /**
   * Parses {@code file} and applies {@code overrides}.
   *
   * @param file the scenario file; messages name it as given (it is not made absolute)
   * @throws ScenarioException with every problem found, if there is any
   */
  public static Scenario parse(Path file, Overrides overrides) throws ScenarioException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file");
    } catch (AccessDeniedException e) {
      throw unreadable(file, "permission denied");
    } catch (IOException e) {
      throw unreadable(file, Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage()));
    }
    String text;
    try {
      text = Utf8.decodeStrict(bytes);
    } catch (CharacterCodingException e) {
      throw unreadable(file, "it is not UTF-8 text");
    }
    return parse(file, text, sha256(bytes), overrides);
  }

  /**
   * Parses {@code text} as if it had been read from {@code file} (for {@code twin validate} of
   * text from elsewhere, and for tests). {@link Scenario#sha256()} is that of the UTF-8 bytes.
   */
  public static Scenario parse(Path file, String text, Overrides overrides) throws ScenarioException {
    return parse(file, text, sha256(text.getBytes(StandardCharsets.UTF_8)), overrides);
  }

  private static Scenario parse(Path file, String text, String sha256, Overrides overrides) throws ScenarioException {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1); // byte-order mark
    }
    Overrides o = overrides == null ? Overrides.NONE : overrides;
    Problems problems = new Problems(file.toString(), new SourceText(text));
    problems.overrideOrder(OverrideApplier.origins(o));
    YamlNode root = TreeBuilder.build(text, problems);
    if (root == null) {
      if (problems.isEmpty()) {
        problems.add(Mark.at(1, 1, 1),
            "the file has no content; a scenario needs at least 'name', 'target' and 'load'");
      }
      OverrideApplier.checkSyntax(o, problems);
      throw problems.exception();
    }
    if (root instanceof YamlMap map) {
      OverrideApplier.apply(map, o, problems);
    } else {
      OverrideApplier.checkSyntax(o, problems);
    }
    Scenario scenario = ScenarioBinder.bind(root, file, sha256, problems);
    if (scenario == null || !problems.isEmpty()) {
      throw problems.exception();
    }
    return scenario;
  }

  private static ScenarioException unreadable(Path file, String why) {
    return new ScenarioException(new ScenarioException.Problem(
        file.toString(), null, 0, 0, "cannot read " + file + ": " + why, null, null, null));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
