package io.perftwin.loadgen;

import java.util.Collection;

/**
 * "Did you mean" for names in the load generator's messages: the candidate at the smallest
 * Levenshtein distance (with swaps of neighbours), if it is at most 2 and less than the input's
 * length. The edit distance is shared with the scenario parser's "did you mean", which adds
 * prefix matches and formatting on top.
 */
public final class Suggestions {
  private Suggestions() {}

  static String closest(String input, Collection<String> candidates) {
    if (input == null || input.isEmpty()) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(input, c);
      if (d > 0 && d <= 2 && d < input.length() && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  public static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
