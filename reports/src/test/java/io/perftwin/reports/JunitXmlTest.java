package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JunitXmlTest {

  private static Document parse(Path file) throws ParserConfigurationException, IOException, SAXException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(file.toFile());
  }

  private static Document write(Path dir, List<String> reasons, List<Slo> slos) throws Exception {
    RunReport.write(dir, Fixtures.manifest("quickstart"),
        Fixtures.quickstartRun(reasons, Map.of("login", Fixtures.stats(Fixtures.empty()))), slos);
    return parse(dir.resolve(RunReport.JUNIT_XML));
  }

  @Test
  void passingRunHasOneCasePerObjectivePlusValidityAndNoFailures(@TempDir Path dir) throws Exception {
    Document doc = write(dir, List.of(), Fixtures.QUICKSTART_SLOS);
    Element suite = doc.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals("perftwin.quickstart", suite.getAttribute("name"));
    assertEquals(String.valueOf(Fixtures.QUICKSTART_SLOS.size() + 1), suite.getAttribute("tests"));
    assertEquals("0", suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));
    assertEquals("24.000", suite.getAttribute("time"));
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(Fixtures.QUICKSTART_SLOS.size() + 1, cases.getLength());
    for (int i = 0; i < Fixtures.QUICKSTART_SLOS.size(); i++) {
      Element c = (Element) cases.item(i);
      assertEquals("perftwin.quickstart.slo", c.getAttribute("classname"));
      assertEquals(Fixtures.QUICKSTART_SLOS.get(i).text(), c.getAttribute("name"));
    }
    Element validity = (Element) cases.item(cases.getLength() - 1);
    assertEquals("perftwin.quickstart.generator", validity.getAttribute("classname"));
    assertEquals("run is valid", validity.getAttribute("name"));
    assertEquals(0, doc.getElementsByTagName("failure").getLength());
    assertEquals(0, doc.getElementsByTagName("error").getLength());
  }

  @Test
  void missedObjectivesAreFailuresAndAnInvalidRunIsAnError(@TempDir Path dir) throws Exception {
    Document doc = write(dir, Fixtures.INVALID_REASONS, Fixtures.FAILING_SLOS);
    Element suite = doc.getDocumentElement();
    assertEquals(String.valueOf(Fixtures.FAILING_SLOS.size() + 1), suite.getAttribute("tests"));
    assertEquals(String.valueOf(Fixtures.FAILING_SLOS.size()), suite.getAttribute("failures"));
    assertEquals("1", suite.getAttribute("errors"));
    NodeList failures = doc.getElementsByTagName("failure");
    assertEquals(Fixtures.FAILING_SLOS.size(), failures.getLength());
    // p99 of 12,012 values is the 11,892nd: above it are 12 stalls and 108 checkout values (18 steps
    // of 6), so it is checkout's 2 ms + 481 × 10 µs = 6.81 ms, read back as its bucket's highest
    // equivalent value 6,811,647 ns (bucket width 4,096 ns there).
    assertEquals("actual 6.812 ms, objective p99 < 5ms", ((Element) failures.item(0)).getAttribute("message"));
    assertEquals("actual n/a (no completed requests), objective login.p99 < 1ms",
        ((Element) failures.item(2)).getAttribute("message"));
    assertEquals("actual 500.4/s, objective throughput > 600/s & \"more\"",
        ((Element) failures.item(4)).getAttribute("message"));
    NodeList errors = doc.getElementsByTagName("error");
    assertEquals(1, errors.getLength());
    Element error = (Element) errors.item(0);
    assertEquals(String.join("\n", Fixtures.INVALID_REASONS), error.getTextContent());
    assertEquals("the run is invalid: " + String.join("; ", Fixtures.INVALID_REASONS), error.getAttribute("message"));
    assertEquals("run is valid", ((Element) error.getParentNode()).getAttribute("name"));
  }

  @Test
  void charactersXmlForbidsDoNotBreakTheFile(@TempDir Path dir) throws Exception {
    Document doc = write(dir, List.of("bell \u0007 and nul \u0000 in a reason"),
        List.of(new Slo("p99 < 1ms \u001b[31m", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 1)));
    assertEquals("bell \uFFFD and nul \uFFFD in a reason", doc.getElementsByTagName("error").item(0).getTextContent());
    assertEquals("p99 < 1ms \uFFFD[31m", ((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("name"));
  }
}
