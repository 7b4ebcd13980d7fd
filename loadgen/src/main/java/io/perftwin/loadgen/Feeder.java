package io.perftwin.loadgen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * A table of test data whose columns are the variables of {@link Template request templates}: a
 * request that uses {@code ${sku}} takes the {@code sku} value of the row its feeder hands out
 * for it. All variables of one request come from the same row of each feeder.
 *
 * <p>Rows are handed out by {@link Cursor cursors}, one per event-loop share, so that no lock is
 * taken on the hot path: see {@link Strategy} for how each strategy splits the rows over the
 * shares.
 *
 * @param name the feeder's name, {@link #NAME}
 * @param columns column names, {@link #COLUMN}, unique; they are the template variables
 * @param rows at least one row, each with one value per column
 * @param strategy how rows are handed out
 */
public record Feeder(String name, List<String> columns, List<List<String>> rows, Strategy strategy) {

  /** The allowed shape of a feeder name. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** The allowed shape of a column name, which is also how a template names it: {@code ${sku}}. */
  public static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

  /** How a feeder hands out its rows. */
  public enum Strategy {
    /**
     * In file order, wrapping around at the end. Share {@code k} of {@code n} takes rows
     * {@code k, k+n, k+2n, …} (modulo the row count), so the shares together walk the file in
     * order.
     */
    SEQUENTIAL("sequential"),
    /** A row drawn uniformly at random for each request, independently per share, seeded. */
    RANDOM("random"),
    /**
     * In the order of a seeded random permutation of the rows, wrapping around at the end (the
     * same permutation again). Share {@code k} of {@code n} takes places {@code k, k+n, …} of the
     * permutation, so every row is used once before any is used twice, over all shares together.
     */
    SHUFFLE("shuffle");

    private final String key;

    Strategy(String key) {
      this.key = key;
    }

    /** The name in scenario files: {@code sequential}, {@code random}, {@code shuffle}. */
    public String key() {
      return key;
    }
  }

  public Feeder {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("feeder name '" + name + "' must match " + NAME.pattern());
    }
    Objects.requireNonNull(strategy, "strategy");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("feeder '" + name + "' has no columns");
    }
    Set<String> seen = new HashSet<>();
    for (String c : columns) {
      if (!COLUMN.matcher(c).matches()) {
        throw new IllegalArgumentException("feeder '" + name + "': column name '" + c + "' must match " + COLUMN.pattern());
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException("feeder '" + name + "': duplicate column '" + c + "'");
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("feeder '" + name + "' has no rows; it needs one at least");
    }
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = List.copyOf(rows.get(i));
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("feeder '" + name + "': row " + (i + 1) + " has " + row.size()
            + " values, there are " + columns.size() + " columns (" + String.join(", ", columns) + ")");
      }
      copy.add(row);
    }
    rows = List.copyOf(copy);
  }

  /** The index of {@code column}, or -1 if the feeder has no such column. */
  public int columnIndex(String column) {
    return columns.indexOf(column);
  }

  /**
   * A cursor for one share of the load. Cursors of the same seed, feeder and share hand out the
   * same rows in the same order.
   *
   * @param seed the run's seed (mixed with the feeder's name, so feeders do not move in lockstep)
   * @param share this share, {@code 0 <= share < shares}
   * @param shares how many shares (event loops) use the feeder
   */
  public Cursor cursor(long seed, int share, int shares) {
    Shapes.checkShare(share, shares);
    long feederSeed = Seeds.derive(seed, name.hashCode());
    return switch (strategy) {
      case SEQUENTIAL -> new Walk(identity(rows.size()), share, shares);
      case SHUFFLE -> new Walk(permutation(rows.size(), feederSeed), share, shares);
      case RANDOM -> new Random(rows.size(), new SplittableRandom(Seeds.derive(feederSeed, share)));
    };
  }

  /**
   * Hands out row indices for one share. Not thread-safe: each share owns its cursor and uses it
   * on its own thread only, which is what makes it lock-free.
   */
  public interface Cursor {
    /** The index (into {@link Feeder#rows()}) of the row for the next request. */
    int next();
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** A Fisher–Yates shuffle of {@code 0 … n-1}, seeded, the same for every share. */
  private static int[] permutation(int n, long seed) {
    int[] order = identity(n);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Places {@code share, share+shares, …} of {@code order}, wrapping around. */
  private static final class Walk implements Cursor {
    private final int[] order;
    private final int step;
    private int place;

    Walk(int[] order, int share, int shares) {
      this.order = order;
      this.step = shares % order.length;
      this.place = share % order.length;
    }

    @Override
    public int next() {
      int row = order[place];
      place += step;
      if (place >= order.length) {
        place -= order.length;
      }
      return row;
    }
  }

  private static final class Random implements Cursor {
    private final int rows;
    private final SplittableRandom random;

    Random(int rows, SplittableRandom random) {
      this.rows = rows;
      this.random = random;
    }

    @Override
    public int next() {
      return random.nextInt(rows);
    }
  }
}
