package io.perftwin.scenarios.cli;

import io.perftwin.infra.terraform.StagingSpec;
import io.perftwin.infra.terraform.StagingSynth;
import io.perftwin.infra.terraform.SynthesisException;
import io.perftwin.infra.terraform.SynthesizedStack;
import io.perftwin.infra.topology.TopologyException;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import io.perftwin.scenarios.run.NamespaceEnvironmentAccess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code twin infra synth}: Terraform JSON for a staging cluster, through CDK for Terraform. */
@Command(name = "infra", mixinStandardHelpOptions = true, description = "Infrastructure for staging-scale runs.",
    subcommands = InfraCommand.Synth.class)
final class InfraCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: synth");
  }

  /** {@code twin infra synth SCENARIO --out DIR}. */
  @Command(name = "synth", mixinStandardHelpOptions = true,
      description = "Write cdk.tf.json (Terraform JSON, synthesized with CDK for Terraform) for a Kubernetes staging "
          + "cluster running the scenario: namespace, target Deployment and Service, load generators as an indexed Job, "
          + "the scenario as a ConfigMap, netem by a NET_ADMIN init container. See docs/staging.md.")
  static final class Synth implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "the scenario file")
    Path scenarioFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for cdk.tf.json")
    Path out;

    @Option(names = "--image", paramLabel = "IMAGE", description = "container image with twin (default: " + StagingSpec.DEFAULT_IMAGE + ")")
    String image;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Scenario scenario;
      String text;
      try {
        scenario = ScenarioParser.parse(scenarioFile);
        text = Files.readString(scenarioFile, StandardCharsets.UTF_8);
      } catch (ScenarioException e) {
        err.println(e.getMessage());
        return ExitCodes.BAD_INPUT;
      } catch (IOException e) {
        err.println("twin infra synth: cannot read " + scenarioFile + ": " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
      long seed = scenario.seed() != null ? scenario.seed() : scenario.sha256().hashCode();
      try {
        StagingSpec s = StagingSpec.of(scenario.name(), text, NamespaceEnvironmentAccess.topologyOf(scenario), seed);
        if (image != null) {
          s = s.withImage(image);
        }
        SynthesizedStack stack = StagingSynth.synth(s, out);
        spec.commandLine().getOut().println("wrote " + stack.terraformJson());
        return ExitCodes.PASS;
      } catch (TopologyException e) {
        err.println(scenarioFile + ": the topology cannot be synthesized:");
        e.problems().forEach(p -> err.println("  " + p));
        return ExitCodes.BAD_INPUT;
      } catch (IllegalArgumentException e) {
        err.println("twin infra synth: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      } catch (SynthesisException e) {
        err.println("twin infra synth: " + e.getMessage());
        return ExitCodes.INVALID;
      }
    }
  }
}
