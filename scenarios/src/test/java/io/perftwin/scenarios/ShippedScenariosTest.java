package io.perftwin.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario shipped in the {@code scenarios/} folder ({@code scenarios/*.yaml}, the module
 * folder, where surefire runs the tests) parses without a problem. The examples double as the
 * tutorial, so a broken one is a broken manual. Having none is a failure too.
 */
class ShippedScenariosTest {

  /** The module folder: surefire sets {@code basedir}; otherwise the working directory. */
  private static Path moduleDir() {
    String basedir = System.getProperty("basedir");
    return basedir == null || basedir.isEmpty() ? Path.of("").toAbsolutePath() : Path.of(basedir);
  }

  static List<Path> shippedScenarios() throws IOException {
    try (Stream<Path> files = Files.list(moduleDir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyShippedScenarioParses() throws IOException {
    List<Path> files = shippedScenarios();
    assertFalse(files.isEmpty(), "no scenario files (*.yaml) in " + moduleDir() + "; the shipped examples are missing");
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
        () -> ScenarioParser.parse(f, Overrides.NONE)));
  }
}
