package io.perftwin.loadgen;

/**
 * Derives independent seeds from a run seed and a salt (a share index, a feeder name), so that
 * generators seeded from neighbouring values do not produce overlapping streams, as
 * {@code new SplittableRandom(seed + k)} would.
 */
final class Seeds {
  private Seeds() {}

  /** A seed for the stream identified by {@code salt} within the run seeded with {@code seed}. */
  static long derive(long seed, long salt) {
    return mix64(seed ^ mix64(salt + 0x9E3779B97F4A7C15L));
  }

  /** The 64-bit finalizer of SplitMix64: a bijection that spreads every input bit over the output. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
