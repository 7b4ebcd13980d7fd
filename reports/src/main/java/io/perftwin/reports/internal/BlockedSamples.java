package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.Histograms;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The measured intervals of one request name, kept for resampling. Intervals are appended in
 * time order; once there are more than {@link #MAX_BLOCKS} blocks, neighbouring blocks are
 * merged pairwise, so a long run ends with between {@code MAX_BLOCKS / 2} and
 * {@code MAX_BLOCKS} blocks of {@code 2^k} consecutive intervals each and memory stays bounded.
 * A run of at most {@code MAX_BLOCKS} intervals keeps one block per interval.
 */
public final class BlockedSamples {
  /** Most blocks kept; see the class documentation. */
  public static final int MAX_BLOCKS = 200;

  private final List<SparseCounts> blocks = new ArrayList<>();
  private SparseCounts pending = SparseCounts.EMPTY;
  private Histogram filling;
  private long fillingCount;
  private int pendingIntervals;
  private int intervalsPerBlock = 1;
  private int intervals;

  /** Appends the next measured interval (possibly empty). */
  public void add(SparseCounts interval) {
    pending = pending.plus(interval);
    next();
  }

  /**
   * Appends the next measured interval given as a histogram ({@code null} for an empty one). The
   * histogram is added to the block being filled, which is made sparse once, when complete: far
   * cheaper than making every interval sparse.
   */
  public void add(Histogram interval) {
    if (interval != null && interval.getTotalCount() > 0) {
      if (filling == null) {
        filling = Histograms.create();
      }
      filling.add(interval);
      fillingCount += interval.getTotalCount();
    }
    next();
  }

  private void flushFilling() {
    if (fillingCount > 0) {
      pending = pending.plus(SparseCounts.of(filling));
      filling.reset();
      fillingCount = 0;
    }
  }

  private void next() {
    intervals++;
    pendingIntervals++;
    if (pendingIntervals == intervalsPerBlock) {
      flushFilling();
      blocks.add(pending);
      pending = SparseCounts.EMPTY;
      pendingIntervals = 0;
      if (blocks.size() > MAX_BLOCKS) {
        List<SparseCounts> merged = new ArrayList<>(blocks.size() / 2 + 1);
        for (int i = 0; i + 1 < blocks.size(); i += 2) {
          merged.add(blocks.get(i).plus(blocks.get(i + 1)));
        }
        if (blocks.size() % 2 == 1) {
          pending = blocks.get(blocks.size() - 1);
          pendingIntervals = intervalsPerBlock;
        }
        blocks.clear();
        blocks.addAll(merged);
        intervalsPerBlock *= 2;
      }
    }
  }

  /** Measured intervals seen, empty ones included. */
  public int intervals() {
    return intervals;
  }

  public int intervalsPerBlock() {
    return intervalsPerBlock;
  }

  /** The blocks, a final partial block included. */
  public List<SparseCounts> blocks() {
    flushFilling();
    List<SparseCounts> all = new ArrayList<>(blocks);
    if (pendingIntervals > 0) {
      all.add(pending);
    }
    return all;
  }
}
