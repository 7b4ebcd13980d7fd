package io.perftwin.shaping.kernel;

import io.perftwin.shaping.ShapingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a system command (ip, tc, nft, iptables) and captures its output; shared by the shaping sub-packages. */
public final class Cmd {
  private static final long TIMEOUT_SECONDS = 15;

  private Cmd() {}

  /**
   * The outcome of a command.
   *
   * @param exitCode the exit code, or -1 when it could not be started or timed out
   */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** One line for messages: the command and the first line of its error output. */
    public String describe() {
      String err = stderr.isBlank() ? stdout.strip() : stderr.strip();
      int nl = err.indexOf('\n');
      return String.join(" ", command) + " → exit " + exitCode + (err.isEmpty() ? "" : ": " + (nl < 0 ? err : err.substring(0, nl)));
    }
  }

  /** Runs {@code command}; never throws for a failing command (see {@link Result#ok()}). */
  public static Result run(List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(List.copyOf(command), -1, "", "cannot start " + command.get(0) + ": " + e.getMessage());
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(List.copyOf(command), -1, "", "timed out after " + TIMEOUT_SECONDS + "s");
      }
      return new Result(List.copyOf(command), p.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Result(List.copyOf(command), -1, "", "interrupted");
    } catch (IOException e) {
      p.destroyForcibly();
      return new Result(List.copyOf(command), -1, "", e.getMessage());
    }
  }

  public static Result run(String... command) {
    return run(List.of(command));
  }

  /** Runs {@code command} and throws a {@link ShapingException} naming it and its error output when it fails. */
  public static Result check(List<String> command) {
    Result r = run(command);
    if (!r.ok()) {
      throw new ShapingException(r.describe());
    }
    return r;
  }

  public static Result check(String... command) {
    return check(List.of(command));
  }

  /** {@code command} run inside network namespace {@code namespace} ({@code ip netns exec}). */
  public static List<String> inNamespace(String namespace, List<String> command) {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    c.addAll(command);
    return c;
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
