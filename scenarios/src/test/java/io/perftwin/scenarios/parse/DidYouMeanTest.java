package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  private static final List<String> KEYS = List.of("engine", "connections", "timeout", "maxScheduleLag", "phases", "requests");

  @Test
  void distanceCountsTranspositionsAsOneEdit() {
    assertEquals(0, DidYouMean.distance("abc", "abc"));
    assertEquals(1, DidYouMean.distance("conections", "connections"));
    assertEquals(1, DidYouMean.distance("ab", "ba"));
    assertEquals(1, DidYouMean.distance("mena", "mean"));
    assertEquals(1, DidYouMean.distance("abcd", "acbd"));
    assertEquals(3, DidYouMean.distance("ca", "abc")); // optimal string alignment: no edit of a transposed pair
    assertEquals(3, DidYouMean.distance("", "abc"));
  }

  @Test
  void closestWithinTwoEdits() {
    assertEquals("connections", DidYouMean.closest("conections", KEYS));
    assertEquals("timeout", DidYouMean.closest("timeuot", KEYS));
    assertEquals("phases", DidYouMean.closest("phase", KEYS));
    assertNull(DidYouMean.closest("durations", KEYS));
  }

  @Test
  void caseDifferencesAreFree() {
    assertEquals("GET", DidYouMean.closest("get", List.of("GET", "POST")));
    assertEquals("maxScheduleLag", DidYouMean.closest("maxschedulelag", KEYS));
  }

  @Test
  void prefixWhenUnambiguous() {
    assertEquals("maxScheduleLag", DidYouMean.closest("maxSched", KEYS));
    assertEquals("connections", DidYouMean.closest("connectionsPerHost", KEYS));
    assertNull(DidYouMean.closest("co", List.of("connections", "constantRate")), "too short to be a prefix");
    assertNull(DidYouMean.closest("con", List.of("connections", "constantRate")), "ambiguous");
  }

  @Test
  void aShortInputIsNotSuggestedEverything() {
    assertNull(DidYouMean.closest("x", List.of("max")));
    assertNull(DidYouMean.closest("", KEYS));
    assertEquals("did you mean 'max'?", DidYouMean.hint("mx", List.of("max")));
  }
}
