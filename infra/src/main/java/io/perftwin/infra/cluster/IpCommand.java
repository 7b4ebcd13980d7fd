package io.perftwin.infra.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one short command (iproute2 mostly) to completion and checks its exit status. */
final class IpCommand {
  /** No {@code ip} command of ours takes more than a fraction of a second; this catches a hang. */
  private static final long TIMEOUT_SECONDS = 20;

  private IpCommand() {}

  /** Runs {@code command}; returns its standard output, or throws with the command and its stderr. */
  static String run(List<String> command) {
    Result r = tryRun(command);
    if (r.exitCode != 0) {
      throw new ClusterException("command failed (exit " + r.exitCode + "): " + String.join(" ", command)
          + (r.stderr.isBlank() ? "" : ": " + r.stderr.strip()));
    }
    return r.stdout;
  }

  static String run(String... command) {
    return run(List.of(command));
  }

  record Result(int exitCode, String stdout, String stderr) {}

  /** Runs {@code command} and returns what happened; throws only if it cannot be started or hangs. */
  static Result tryRun(List<String> command) {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      throw new ClusterException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = read(p.getInputStream());
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ClusterException("command did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), out, err.join());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while running " + String.join(" ", command), e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
