package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.Feeder.Strategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeederTest {

  private static Feeder feeder(int rows, Strategy strategy) {
    return feeder("skus", rows, strategy);
  }

  private static Feeder feeder(String name, int rows, Strategy strategy) {
    List<List<String>> data = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      data.add(List.of("A-" + i, "item " + i));
    }
    return new Feeder(name, List.of("sku", "name"), data, strategy);
  }

  /** Draws {@code rounds} rows from each of {@code shares} cursors in turn, as event loops taking turns would. */
  private static List<Integer> interleaved(Feeder f, long seed, int shares, int rounds) {
    List<Feeder.Cursor> cursors = new ArrayList<>();
    for (int s = 0; s < shares; s++) {
      cursors.add(f.cursor(seed, s, shares));
    }
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      cursors.forEach(c -> out.add(c.next()));
    }
    return out;
  }

  private static List<Integer> draw(Feeder.Cursor c, int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(c.next());
    }
    return out;
  }

  @Test
  void sequentialWalksTheRowsInOrderAndWrapsAround() {
    assertEquals(List.of(0, 1, 2, 3, 0, 1, 2), draw(feeder(4, Strategy.SEQUENTIAL).cursor(7, 0, 1), 7));
  }

  @Test
  void sequentialSharesStartAtTheirIndexAndStepByTheShareCount() {
    Feeder f = feeder(10, Strategy.SEQUENTIAL);
    assertEquals(List.of(1, 4, 7, 0, 3), draw(f.cursor(0, 1, 3), 5));
    // Taking turns, the shares walk the file in order, wrapping around.
    assertEquals(IntStream.range(0, 30).map(i -> i % 10).boxed().toList(), interleaved(f, 0, 3, 10));
    // Fewer rows than shares: still in order.
    assertEquals(List.of(0, 1, 0, 1, 0, 1), interleaved(feeder(2, Strategy.SEQUENTIAL), 0, 3, 2));
  }

  @Test
  void shuffleUsesEveryRowOnceBeforeAnyTwiceOverAllShares() {
    Feeder f = feeder(20, Strategy.SHUFFLE);
    List<Integer> first = interleaved(f, 99, 4, 5); // 20 draws
    assertEquals(IntStream.range(0, 20).boxed().toList(), first.stream().sorted().toList());
    assertNotEquals(IntStream.range(0, 20).boxed().toList(), first, "shuffled, not in file order");
    // Then the same permutation again.
    List<Integer> twoRounds = interleaved(f, 99, 4, 10);
    assertEquals(first, twoRounds.subList(20, 40));
    // One share alone walks the same permutation.
    assertEquals(first, draw(f.cursor(99, 0, 1), 20));
  }

  @Test
  void shuffleIsSeeded() {
    Feeder f = feeder(20, Strategy.SHUFFLE);
    assertEquals(draw(f.cursor(1, 0, 1), 20), draw(f.cursor(1, 0, 1), 20));
    assertNotEquals(draw(f.cursor(1, 0, 1), 20), draw(f.cursor(2, 0, 1), 20));
  }

  @Test
  void randomIsSeededPerShareAndCoversTheRowsUniformly() {
    Feeder f = feeder(10, Strategy.RANDOM);
    assertEquals(draw(f.cursor(5, 1, 2), 50), draw(f.cursor(5, 1, 2), 50));
    assertNotEquals(draw(f.cursor(5, 0, 2), 50), draw(f.cursor(5, 1, 2), 50));
    assertNotEquals(draw(f.cursor(5, 0, 2), 50), draw(f.cursor(6, 0, 2), 50));
    int[] counts = new int[10];
    draw(f.cursor(5, 0, 1), 10_000).forEach(i -> counts[i]++);
    for (int i = 0; i < 10; i++) {
      // Binomial(10000, 0.1): mean 1000, σ = 30; 5σ.
      assertTrue(Math.abs(counts[i] - 1000) <= 150, "row " + i + " drawn " + counts[i] + " times");
    }
  }

  @Test
  void feedersWithTheSameSeedDoNotMoveInLockstep() {
    Feeder a = feeder("a", 50, Strategy.RANDOM);
    Feeder b = feeder("b", 50, Strategy.RANDOM);
    assertNotEquals(draw(a.cursor(3, 0, 1), 20), draw(b.cursor(3, 0, 1), 20));
  }

  @Test
  void isImmutable() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(new ArrayList<>(List.of("A-1")));
    Feeder f = new Feeder("f", List.of("sku"), rows, Strategy.SEQUENTIAL);
    rows.get(0).set(0, "changed");
    rows.add(List.of("A-2"));
    assertEquals(List.of(List.of("A-1")), f.rows());
    assertThrows(UnsupportedOperationException.class, () -> f.rows().get(0).set(0, "x"));
    assertEquals(0, f.columnIndex("sku"));
    assertEquals(-1, f.columnIndex("name"));
  }

  @Test
  void validation() {
    assertEquals("feeder 'f': row 2 has 1 values, there are 2 columns (sku, name)",
        assertThrows(IllegalArgumentException.class, () -> new Feeder("f", List.of("sku", "name"),
            List.of(List.of("a", "b"), List.of("c")), Strategy.SEQUENTIAL)).getMessage());
    assertEquals("feeder 'f' has no rows; it needs one at least",
        assertThrows(IllegalArgumentException.class, () -> new Feeder("f", List.of("sku"), List.of(), Strategy.SEQUENTIAL)).getMessage());
    assertEquals("feeder 'f': duplicate column 'sku'",
        assertThrows(IllegalArgumentException.class, () -> new Feeder("f", List.of("sku", "sku"),
            List.of(List.of("a", "b")), Strategy.SEQUENTIAL)).getMessage());
    assertEquals("feeder 'f': column name 'unit price' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}",
        assertThrows(IllegalArgumentException.class, () -> new Feeder("f", List.of("unit price"),
            List.of(List.of("a")), Strategy.SEQUENTIAL)).getMessage());
    assertEquals("feeder name 'my feeder' must match [A-Za-z0-9_-]{1,64}",
        assertThrows(IllegalArgumentException.class, () -> new Feeder("my feeder", List.of("sku"),
            List.of(List.of("a")), Strategy.SEQUENTIAL)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> feeder(3, Strategy.SEQUENTIAL).cursor(0, 3, 3));
    assertEquals(new HashSet<>(List.of("sequential", "random", "shuffle")),
        new HashSet<>(List.of(Strategy.SEQUENTIAL.key(), Strategy.RANDOM.key(), Strategy.SHUFFLE.key())));
  }
}
