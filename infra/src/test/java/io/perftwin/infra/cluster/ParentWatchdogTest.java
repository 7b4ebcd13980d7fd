package io.perftwin.infra.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node process ends when the process it watches is killed with SIGKILL (no shutdown hook runs). */
class ParentWatchdogTest {
  @Test
  void nodeProcessEndsWhenItsParentIsKilled(@TempDir Path dir) throws Exception {
    Process parent = new ProcessBuilder("sleep", "60").start();
    ProcessBuilder pb = new ProcessBuilder(LocalCluster.javaCommand(DemoNodeMain.class.getName(), List.of("127.0.0.1", "0")))
        .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile());
    pb.environment().put(ParentWatchdog.ENV, Long.toString(parent.pid()));
    Process child = pb.start();
    try {
      // Up and watching: still alive well after JVM start.
      assertTrue(!child.waitFor(1500, TimeUnit.MILLISECONDS), "node process ended early");
      parent.destroyForcibly().waitFor();
      // Generous: poll interval 250 ms, plus JVM halt on a busy 2-core machine.
      assertTrue(child.waitFor(10, TimeUnit.SECONDS), "node process outlived its parent");
      assertEquals(ParentWatchdog.EXIT_PARENT_GONE, child.exitValue());
    } finally {
      child.destroyForcibly();
      parent.destroyForcibly();
    }
  }
}
