package io.perftwin.shaping.tc;

import io.perftwin.shaping.Capabilities;
import io.perftwin.shaping.ShapingException;
import io.perftwin.shaping.kernel.Applied;
import io.perftwin.shaping.kernel.Cmd;
import java.util.List;

/**
 * Runs a {@link TcScript} inside a network namespace. Only where the kernel has netem (see {@link
 * Capabilities#netem()}); when a setup command fails, the teardown runs before the error is thrown.
 */
public final class TcApplier {
  private TcApplier() {}

  public static Applied apply(String namespace, TcScript script, Capabilities caps) {
    if (!caps.netem()) {
      throw new ShapingException("the tc backend needs the netem qdisc, which this kernel lacks; use the kernel backend");
    }
    Runnable teardown = () -> {
      for (List<String> c : script.teardown()) {
        Cmd.run(Cmd.inNamespace(namespace, c));
      }
    };
    for (List<String> c : script.setup()) {
      Cmd.Result r = Cmd.run(Cmd.inNamespace(namespace, c));
      if (!r.ok()) {
        teardown.run();
        throw new ShapingException(namespace + ": " + r.describe());
      }
    }
    return Applied.of(namespace + ": " + script.title(), teardown);
  }
}
