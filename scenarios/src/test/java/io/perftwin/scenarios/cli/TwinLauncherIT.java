package io.perftwin.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command through the real launcher, after {@code package} (failsafe): the
 * full quickstart scenario, exit 0, the six files with real numbers.
 */
@Tag("slow")
class TwinLauncherIT {
  @TempDir Path runs;

  @Test
  void quickstartThroughTheLauncher() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path log = runs.resolveSibling(runs.getFileName() + ".log");
    Process p = new ProcessBuilder(root.resolve("twin").toString(), "run", "scenarios/quickstart.yaml", "--out", runs.toString())
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "twin run finished");
    String output = Files.readString(log);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("verdict"), output);
    Path dir;
    try (Stream<Path> s = Files.list(runs)) {
      List<Path> dirs = s.toList();
      assertEquals(1, dirs.size());
      dir = dirs.get(0);
    }
    for (String f : RunCommandTest.RUN_FILES) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    JsonNode all = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("requests").get("all");
    assertEquals(4000, all.get("count").asLong(), "200/s for 20 s");
    assertTrue(all.get("latencyMs").get("p99").asDouble() > 0);
  }

  @Test
  void versionWorks() throws IOException, InterruptedException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Process p = new ProcessBuilder(root.resolve("twin").toString(), "--version").directory(root.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("perftwin 0."), out);
  }
}
