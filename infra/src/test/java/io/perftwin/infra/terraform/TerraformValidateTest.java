package io.perftwin.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code terraform validate} (or {@code tofu validate}) on synthesized stacks. Needs the binary
 * on PATH and the kubernetes provider: {@code init -backend=false} downloads it unless a plugin
 * cache or mirror is configured. Skipped when neither binary is on PATH, and when {@code init}
 * fails only because the provider registry cannot be reached (offline, no mirror).
 */
@Tag("terraform")
class TerraformValidateTest {
  /** What init says when the provider registry cannot be reached. */
  private static final Pattern OFFLINE = Pattern.compile(
      "could not connect to registry|Failed to query available provider packages|no such host");

  @TempDir Path tmp;

  static Optional<Path> binary() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of("terraform", "tofu")
        .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable).findFirst();
  }

  @Test
  void synthesizedStacksValidate() throws Exception {
    Optional<Path> bin = binary();
    Assumptions.assumeTrue(bin.isPresent(), "neither terraform nor tofu is on PATH; skipping `validate` of the stacks");
    for (StagingSpec spec : List.of(Specs.quickstart(), Specs.checkout(), Specs.unshaped())) {
      Path dir = StagingSynth.synth(spec, tmp.resolve(spec.scenarioName())).directory();
      Result init = run(bin.get(), dir, "init", "-backend=false", "-input=false", "-no-color");
      Assumptions.assumeFalse(init.exit() != 0 && OFFLINE.matcher(init.output()).find(),
          bin.get() + " cannot fetch the hashicorp/kubernetes provider (no network and no plugin mirror"
              + " or cache); skipping `validate`:\n" + init.output());
      assertEquals(0, init.exit(), "init in " + dir + ":\n" + init.output());
      Result validate = run(bin.get(), dir, "validate", "-no-color");
      assertEquals(0, validate.exit(), "validate in " + dir + ":\n" + validate.output());
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(Path bin, Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(bin.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(done ? p.exitValue() : -1, output);
  }
}
