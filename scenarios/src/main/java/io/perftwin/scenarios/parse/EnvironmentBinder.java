package io.perftwin.scenarios.parse;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeRun;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import io.perftwin.scenarios.EnvironmentSpec;
import io.perftwin.shaping.NetworkProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds {@code environment:} to an {@link EnvironmentSpec}; absent means {@link
 * EnvironmentSpec#DEFAULT}. The topology's own rules (unknown nodes in links, duplicate names,
 * reachability) are checked by {@link Topology#problems()} and reported at {@code environment}.
 */
final class EnvironmentBinder {
  static final List<String> KEYS = List.of("kind", "loadgens", "nodes", "links");
  static final List<String> KINDS = List.of("auto", "namespaces", "loopback");
  static final List<String> NODE_KEYS = List.of("name", "role", "count", "service", "demo", "command", "port", "health");
  static final List<String> LINK_KEYS = List.of("from", "to", "network");
  static final List<String> ROLES = List.of("loadgen", "target", "dependency");
  static final List<String> SERVICES = List.of("demo", "stub", "command");

  private final Values values;

  EnvironmentBinder(Values values) {
    this.values = values;
  }

  EnvironmentSpec bind(YamlNode node, Mark anchor) {
    YamlMap map = values.map(node, "environment");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(values.problems(), map, anchor, "in 'environment'", KEYS).reportUnknownKeys();
    EnvironmentSpec.Kind kind = EnvironmentSpec.Kind.AUTO;
    boolean ok = true;
    if (r.optional("kind") != null) {
      String k = values.oneOf(r.optional("kind"), "kind", "an environment kind", KINDS);
      ok &= k != null;
      if (k != null) {
        kind = EnvironmentSpec.Kind.valueOf(k.toUpperCase(Locale.ROOT));
      }
    }
    int loadgens = 1;
    if (r.optional("loadgens") != null) {
      Integer n = values.integer(r.optional("loadgens"), "loadgens", 1, EnvironmentSpec.MAX_LOADGENS);
      ok &= n != null;
      if (n != null) {
        loadgens = n;
      }
    }
    Topology topology = null;
    if (r.optional("nodes") != null || r.optional("links") != null) {
      if (r.optional("loadgens") != null) {
        values.problems().add(r.keyMark("loadgens"), "'loadgens' goes only without 'nodes'; "
            + "give the loadgen node a 'count' instead");
        ok = false;
      }
      if (r.optional("nodes") == null) {
        values.problems().add(r.keyMark("links"), "'links' needs 'nodes' in 'environment'");
        return null;
      }
      List<NodeSpec> nodes = nodes(r.optional("nodes"));
      List<LinkSpec> links = r.optional("links") == null ? List.of() : links(r.optional("links"));
      if (nodes == null || links == null) {
        return null;
      }
      topology = new Topology(nodes, links);
      List<String> problems = topology.problems();
      if (!problems.isEmpty()) {
        for (String p : problems) {
          values.problems().add(r.keyMark("nodes"), p);
        }
        return null;
      }
      loadgens = Math.max(1, topology.loadgenReplicas());
      if (loadgens > EnvironmentSpec.MAX_LOADGENS) {
        values.problems().add(r.keyMark("nodes"), "environment.nodes: " + loadgens + " load-generator replicas; "
            + "a local run has at most " + EnvironmentSpec.MAX_LOADGENS);
        return null;
      }
    }
    return ok ? new EnvironmentSpec(kind, loadgens, topology) : null;
  }

  private List<NodeSpec> nodes(YamlNode node) {
    YamlList list = values.list(node, "nodes");
    if (list == null) {
      return null;
    }
    List<NodeSpec> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      YamlMap m = values.map(list.get(i), "nodes." + i);
      if (m == null) {
        ok = false;
        continue;
      }
      MapReader r = new MapReader(values.problems(), m, m.mark(), "in 'environment.nodes." + i + "'", NODE_KEYS)
          .reportUnknownKeys();
      YamlNode nameNode = r.required("name");
      YamlNode roleNode = r.required("role");
      String name = nameNode == null ? null : values.string(nameNode, "name");
      String role = roleNode == null ? null : values.oneOf(roleNode, "role", "node role", ROLES);
      int count = 1;
      if (r.optional("count") != null) {
        Integer c = values.integer(r.optional("count"), "count", 1, Topology.MAX_COUNT);
        ok &= c != null;
        count = c == null ? 1 : c;
      }
      if (name == null || role == null) {
        ok = false;
        continue;
      }
      Role theRole = Role.valueOf(role.toUpperCase(Locale.ROOT));
      NodeRun run = run(r, theRole, name);
      if (run == null) {
        ok = false;
        continue;
      }
      out.add(new NodeSpec(name, theRole, count, run));
    }
    return ok ? out : null;
  }

  private NodeRun run(MapReader r, Role role, String name) {
    YamlNode serviceNode = r.optional("service");
    if (role == Role.LOADGEN) {
      for (String k : List.of("service", "demo", "command", "port", "health")) {
        if (r.optional(k) != null) {
          values.problems().add(r.keyMark(k), "'" + k + "' does not go on a loadgen node ('" + name + "' runs twin agent)");
          return null;
        }
      }
      return NodeRun.Agent.INSTANCE;
    }
    if (serviceNode == null) {
      values.problems().add(r.keyMark("role"), "node '" + name + "' needs 'service': one of " + String.join(", ", SERVICES));
      return null;
    }
    String service = values.oneOf(serviceNode, "service", "service", SERVICES);
    if (service == null) {
      return null;
    }
    switch (service) {
      case "demo": {
        DemoServiceConfig config = r.optional("demo") == null ? DemoServiceConfig.DEFAULT
            : new TargetBinder(values).demo(r.optional("demo"), r.keyMark("demo"));
        return config == null ? null : new NodeRun.Demo(config);
      }
      case "stub":
        return NodeRun.Stub.INSTANCE;
      default: {
        YamlNode cmd = r.required("command");
        YamlNode port = r.required("port");
        YamlNode health = r.required("health");
        if (cmd == null || port == null || health == null) {
          return null;
        }
        YamlList argv = values.list(cmd, "command");
        Integer p = values.integer(port, "port", 1, 65535);
        String h = values.string(health, "health");
        if (argv == null || p == null || h == null) {
          return null;
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
          String a = values.string(argv.get(i), "command." + i);
          if (a == null) {
            return null;
          }
          args.add(a);
        }
        return new NodeRun.Command(args, p, h);
      }
    }
  }

  private List<LinkSpec> links(YamlNode node) {
    YamlList list = values.list(node, "links");
    if (list == null) {
      return null;
    }
    List<LinkSpec> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      YamlMap m = values.map(list.get(i), "links." + i);
      if (m == null) {
        ok = false;
        continue;
      }
      MapReader r = new MapReader(values.problems(), m, m.mark(), "in 'environment.links." + i + "'", LINK_KEYS)
          .reportUnknownKeys();
      YamlNode from = r.required("from");
      YamlNode to = r.required("to");
      String f = from == null ? null : values.string(from, "from");
      String t = to == null ? null : values.string(to, "to");
      NetworkProfile profile = NetworkProfile.NONE;
      if (r.optional("network") != null) {
        profile = new NetworkBinder(values).bind(r.optional("network"), r.keyMark("network"));
      }
      if (f == null || t == null || profile == null) {
        ok = false;
        continue;
      }
      out.add(new LinkSpec(f, t, profile));
    }
    return ok ? out : null;
  }
}
