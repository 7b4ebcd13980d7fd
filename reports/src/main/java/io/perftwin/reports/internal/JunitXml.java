package io.perftwin.reports.internal;

import io.perftwin.loadgen.Formats;
import io.perftwin.reports.ChangeVerdict;
import io.perftwin.reports.MetricComparison;
import io.perftwin.reports.RunSummary;
import io.perftwin.reports.SloResult;
import java.util.List;

/**
 * Renders {@code junit.xml}: one test suite {@code perftwin.<scenario>}, one test case per
 * objective (a {@code <failure>} when missed), and one test case "run is valid" that carries an
 * {@code <error>} when the measurement cannot be trusted.
 */
public final class JunitXml {
  private JunitXml() {}

  public static String render(RunSummary s) {
    String suite = "perftwin." + s.scenario();
    long failures = s.slos().stream().filter(r -> !r.pass()).count();
    List<MetricComparison> compared = s.comparison() == null ? List.of() : s.comparison().metrics();
    failures += compared.stream().filter(m -> m.verdict() == ChangeVerdict.WORSE).count();
    long skipped = compared.stream().filter(m -> m.verdict() == ChangeVerdict.UNKNOWN).count();
    boolean valid = s.generator().valid();
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuite name=\"").append(Escape.xmlAttribute(suite)).append('"')
        .append(" tests=\"").append(s.slos().size() + compared.size() + 1).append('"')
        .append(" failures=\"").append(failures).append('"')
        .append(" errors=\"").append(valid ? 0 : 1).append('"')
        .append(" skipped=\"").append(skipped).append('"')
        .append(" time=\"").append(Formats.fixed(s.measuredSeconds(), 3)).append("\">\n");
    x.append("  <properties>\n");
    property(x, "runId", s.runId());
    property(x, "verdict", s.verdict().key());
    if (s.comparison() != null) {
      property(x, "baseline", s.comparison().baselineRunId());
    }
    x.append("  </properties>\n");
    for (SloResult r : s.slos()) {
      x.append("  <testcase classname=\"").append(Escape.xmlAttribute(suite + ".slo"))
          .append("\" name=\"").append(Escape.xmlAttribute(r.slo().text())).append('"');
      if (r.pass()) {
        x.append("/>\n");
      } else {
        x.append(">\n    <failure type=\"slo\" message=\"")
            .append(Escape.xmlAttribute("actual " + Figures.actual(r) + ", objective " + r.slo().text()))
            .append("\"/>\n  </testcase>\n");
      }
    }
    for (MetricComparison m : compared) {
      x.append("  <testcase classname=\"").append(Escape.xmlAttribute(suite + ".comparison"))
          .append("\" name=\"").append(Escape.xmlAttribute(m.label() + " vs baseline")).append('"');
      String detail = m.verdict().key() + ": " + describe(m) + "; " + m.reason();
      switch (m.verdict()) {
        case WORSE -> x.append(">\n    <failure type=\"regression\" message=\"").append(Escape.xmlAttribute(detail))
            .append("\"/>\n  </testcase>\n");
        case UNKNOWN -> x.append(">\n    <skipped message=\"").append(Escape.xmlAttribute(detail))
            .append("\"/>\n  </testcase>\n");
        default -> x.append(">\n    <system-out>").append(Escape.xmlText(detail)).append("</system-out>\n  </testcase>\n");
      }
    }
    x.append("  <testcase classname=\"").append(Escape.xmlAttribute(suite + ".generator"))
        .append("\" name=\"run is valid\"");
    if (valid) {
      x.append("/>\n");
    } else {
      List<String> reasons = s.generator().invalidReasons();
      x.append(">\n    <error type=\"invalid\" message=\"")
          .append(Escape.xmlAttribute("the run is invalid: " + String.join("; ", reasons))).append("\">")
          .append(Escape.xmlText(String.join("\n", reasons))).append("</error>\n  </testcase>\n");
    }
    x.append("</testsuite>\n");
    return x.toString();
  }

  /** {@code baseline 6.81 ms, candidate 7.52 ms, change +10.4% [+8.0%, +12.9%]}, or the p-value for the rank test. */
  static String describe(MetricComparison m) {
    String values = "baseline " + Figures.millis(m.baselineMs()) + " ms, candidate " + Figures.millis(m.candidateMs()) + " ms";
    if (MetricComparison.MANN_WHITNEY.equals(m.metric())) {
      return "medians " + values + ", change " + Figures.change(m.change()) + ", p " + Figures.pValue(m.pValue());
    }
    String ci = Figures.interval(m.changeLow(), m.changeHigh());
    return values + ", change " + Figures.change(m.change()) + (ci.isEmpty() ? "" : " " + ci);
  }

  private static void property(StringBuilder x, String name, String value) {
    x.append("    <property name=\"").append(name).append("\" value=\"")
        .append(Escape.xmlAttribute(value)).append("\"/>\n");
  }
}
