package io.perftwin.shaping;

import io.perftwin.shaping.kernel.Cmd;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what shaping left behind when a process died mid-way ({@code twin env down} calls {@link
 * #cleanup()}): the capability probe's scratch namespaces {@code pt-probe-<pid>-<hex>} and the
 * shaping tests' namespaces {@code pt-shtest-<pid>-<name>} whose process {@code <pid>} is gone.
 * Namespaces of live processes are left alone. The kernel backend adds nothing outside the
 * namespaces it is given (qdiscs and nftables tables live and die with them), so there is nothing
 * else to clean.
 */
public final class ShapingLeftovers {
  private static final Pattern OWNED = Pattern.compile("pt-(probe|shtest)-(\\d+)-[a-z0-9-]+");

  private ShapingLeftovers() {}

  /** Deletes the leftover namespaces; returns their names. */
  public static List<String> cleanup() {
    List<String> removed = new ArrayList<>();
    for (String ns : leftovers()) {
      Cmd.Result r = Cmd.run("ip", "netns", "del", ns);
      if (!r.ok()) {
        throw new ShapingException("cannot remove leftover namespace " + ns + ": " + r.describe());
      }
      removed.add(ns);
    }
    return removed;
  }

  /** The shaping namespaces whose owner process is gone. */
  public static List<String> leftovers() {
    List<String> out = new ArrayList<>();
    Cmd.Result list = Cmd.run("ip", "netns", "list");
    if (!list.ok()) {
      return out;
    }
    for (String line : list.stdout().split("\n")) {
      String name = line.strip().split("\\s+")[0];
      Matcher m = OWNED.matcher(name);
      if (m.matches() && !alive(Long.parseLong(m.group(2)))) {
        out.add(name);
      }
    }
    return out;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
