package io.perftwin.loadgen.results;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes {@code latency.hlog} as the run goes, flushing after each interval so that an
 * interrupted run keeps every interval already taken. Thread-confined: one writer thread.
 */
public final class LatencyLogWriter implements Closeable {
  /** The "max" column of the log is in milliseconds; values are nanoseconds. */
  public static final double MAX_VALUE_UNIT_RATIO = 1e6;

  private final PrintStream out;
  private final HistogramLogWriter writer;
  private boolean headerWritten;

  private LatencyLogWriter(PrintStream out) {
    this.out = out;
    this.writer = new HistogramLogWriter(out);
  }

  /** Creates (or truncates) the file. */
  public static LatencyLogWriter create(Path file) {
    try {
      return new LatencyLogWriter(
          new PrintStream(new FileOutputStream(file.toFile()), false, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /** A writer that discards everything (for runs that keep no files, e.g. capacity probes). */
  public static LatencyLogWriter discarding() {
    return new LatencyLogWriter(new PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
  }

  /** Writes the header; {@code startEpochMillis} is the start of the first phase. */
  public void start(long startEpochMillis, String comment) {
    if (headerWritten) {
      throw new IllegalStateException("header already written");
    }
    writer.outputComment(comment);
    writer.outputLogFormatVersion();
    writer.outputStartTime(startEpochMillis);
    writer.outputLegend();
    headerWritten = true;
    out.flush();
  }

  /**
   * Appends one interval histogram.
   *
   * @param startSeconds interval start, seconds since the start time
   * @param endSeconds interval end, seconds since the start time
   */
  public void write(String tag, double startSeconds, double endSeconds, AbstractHistogram histogram) {
    if (!headerWritten) {
      throw new IllegalStateException("start() first");
    }
    histogram.setTag(tag);
    writer.outputIntervalHistogram(startSeconds, endSeconds, histogram, MAX_VALUE_UNIT_RATIO);
  }

  /** Flushes what was written so far to the file. */
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    out.close();
  }
}
