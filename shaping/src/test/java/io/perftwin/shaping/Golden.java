package io.perftwin.shaping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}, compared as exact text. Run with {@code
 * -Dperftwin.updateGolden=true} to rewrite them after an intended change, then review the diff.
 */
public final class Golden {
  private Golden() {}

  public static final String UPDATE_PROPERTY = "perftwin.updateGolden";

  static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden");

  public static void assertMatches(String relativePath, String actual) throws IOException {
    Path file = DIR.resolve(relativePath);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(file), "no golden file " + file + "; create it with -D" + UPDATE_PROPERTY + "=true");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
        relativePath + " differs from its golden file; if the change is intended, rerun with -D"
            + UPDATE_PROPERTY + "=true and review the diff");
  }
}
