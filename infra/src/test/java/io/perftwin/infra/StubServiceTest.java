package io.perftwin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The stub dependency as a node process: started by its main, answering after its delay. */
class StubServiceTest {

  @Test
  void mainRunsAStubThatAnswersAfterItsDelay() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StubService.class.getName(), "127.0.0.1", "0", "constant(30ms)", "7")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = Pattern.compile("stub dependency: constant\\(30ms\\), listening on 127\\.0\\.0\\.1:(\\d+)").matcher(
          String.valueOf(line));
      assertTrue(m.matches(), "first line: " + line);
      HttpClient http = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + m.group(1) + "/anything");
      http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      long t0 = System.nanoTime();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(200, r.statusCode());
      assertEquals("{\"stub\":true}\n", r.body());
      assertTrue(ms >= 30 && ms < 200, "answered after " + ms + " ms");
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void mainRefusesABadDelayWithExitCode2() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StubService.class.getName(), "127.0.0.1", "0", "gaussian(3ms)").redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(2, p.exitValue());
      assertEquals("StubService: delay: unknown distribution 'gaussian'; allowed: constant, exponential, lognormal\n",
          output);
    } finally {
      p.destroyForcibly();
    }
  }
}
