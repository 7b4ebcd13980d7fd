package io.perftwin.reports.internal;

import io.perftwin.reports.ComparisonSettings;

/** The methods and their parameters in one sentence each, as every report prints them. */
public final class Methods {
  private Methods() {}

  public static String comparison(ComparisonSettings s) {
    return HtmlComparison.methodSentence(s);
  }
}
