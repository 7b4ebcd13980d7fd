package io.perftwin.infra.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A process started in a node's namespace; {@link #close()} ends it (politely, then by force). */
public final class NodeProcess implements AutoCloseable {
  /** How long a process gets to end after SIGTERM before it is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(3);

  private final ClusterNode node;
  private final Process process;
  private final Path log;

  NodeProcess(ClusterNode node, Process process, Path log) {
    this.node = node;
    this.process = process;
    this.log = log;
  }

  public ClusterNode node() {
    return node;
  }

  public long pid() {
    return process.pid();
  }

  /** File receiving the process's standard output and error. */
  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Exit status, or empty while it runs. */
  public java.util.OptionalInt exitCode() {
    return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
  }

  /** Asks the process to end (SIGTERM) without waiting; a perftwin JVM writes what it measured first. */
  public void requestStop() {
    process.destroy();
  }

  /** Waits up to {@code timeout} for the process to end; whether it has. */
  public boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
