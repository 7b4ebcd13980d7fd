package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.Suggestions;

import java.util.Collection;
import java.util.Locale;

/**
 * Suggestions for misspelt keys, values and names. A candidate is suggested when its
 * Damerau–Levenshtein distance (optimal string alignment, ignoring case) to the input is at most
 * 2 and smaller than the input's length, or, failing that, when exactly one candidate starts with
 * the input (of at least 3 characters) or the input starts with exactly one candidate.
 */
public final class DidYouMean {
  private DidYouMean() {}

  /** Greatest distance at which a candidate is suggested. */
  public static final int MAX_DISTANCE = 2;

  /** The best candidate for {@code input}, or {@code null} if none is close enough. */
  public static String closest(String input, Collection<String> candidates) {
    if (input == null || input.isEmpty()) {
      return null;
    }
    String in = input.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(input) || Math.abs(c.length() - in.length()) > MAX_DISTANCE) {
        continue; // the distance is at least the difference in length
      }
      int d = distance(in, c.toLowerCase(Locale.ROOT));
      if (d <= MAX_DISTANCE && d < in.length() && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best != null) {
      return best;
    }
    String prefixMatch = null;
    int matches = 0;
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      boolean inputIsPrefix = in.length() >= 3 && lc.startsWith(in);
      boolean candidateIsPrefix = lc.length() >= 3 && in.startsWith(lc);
      if (!c.equals(input) && (inputIsPrefix || candidateIsPrefix)) {
        prefixMatch = c;
        matches++;
      }
    }
    return matches == 1 ? prefixMatch : null;
  }

  /** {@code did you mean 'x'?} for the closest candidate, or {@code null}. */
  public static String hint(String input, Collection<String> candidates) {
    String c = closest(input, candidates);
    return c == null ? null : "did you mean '" + c + "'?";
  }

  /**
   * Damerau–Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
   * substitutions and transpositions of adjacent characters each cost 1.
   */
  public static int distance(String a, String b) {
    return Suggestions.distance(a, b);
  }
}
