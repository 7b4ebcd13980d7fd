package io.perftwin.scenarios.cli;

import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.ToolVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code twin}: the top-level command. */
@Command(
    name = "twin",
    mixinStandardHelpOptions = true,
    versionProvider = TwinCommand.Version.class,
    description = "perftwin: load, network conditions and SLO gates from one scenario file.",
    subcommands = {RunCommand.class, ValidateCommand.class, DemoServiceCommand.class, ReportCommand.class,
        CompareCommand.class, HistoryCommand.class, EnvCommand.class, AgentCommand.class, MergeCommand.class, InfraCommand.class, ProxyCommand.class,
        io.perftwin.scenarios.capacity.CapacityCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:pass",
        "1:a gate failed (SLO or regression)",
        "2:bad input or usage (nothing run, nothing written)",
        "3:the run is invalid (generator could not hold the rate, environment failed, interrupted); results written"})
public final class TwinCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Runs the command line and returns the exit code; never calls System.exit. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new TwinCommand());
    cl.setOut(out);
    cl.setErr(err);
    // picocli answers invalid input with CommandLine.ExitCode.USAGE, which is 2 = ExitCodes.BAD_INPUT.
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("twin: internal error: " + ex);
      ex.printStackTrace(commandLine.getErr());
      return ExitCodes.INVALID;
    });
    return cl.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"perftwin " + ToolVersion.get(),
          "JVM " + System.getProperty("java.vendor") + " " + System.getProperty("java.version")};
    }
  }
}
