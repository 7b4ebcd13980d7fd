package io.perftwin.infra.terraform.cdktf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container of a pod template, rendered as the provider's {@code container} / {@code
 * init_container} block.
 *
 * @param name container name
 * @param image image reference (usually a variable reference)
 * @param command entrypoint override; empty keeps the image's
 * @param args arguments; {@code $(VAR)} is expanded by Kubernetes from {@code env}
 * @param env environment: name → literal value, or name → {@link #fieldRef(String)}
 * @param port the port the container listens on, or 0
 * @param readinessPath HTTP path probed on {@code port} before the pod counts as ready, or empty
 * @param netAdmin whether the container gets the NET_ADMIN capability (to run {@code tc})
 * @param mounts volumes mounted into the container
 */
public record Container(String name, String image, List<String> command, List<String> args,
    Map<String, String> env, int port, String readinessPath, boolean netAdmin, List<Mount> mounts) {
  private static final String FIELD_REF = "fieldRef:";

  public Container {
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = Map.copyOf(env);
    mounts = List.copyOf(mounts);
  }

  /** A volume of the pod mounted at {@code path}. */
  public record Mount(String volume, String path, boolean readOnly) {}

  /** An env value taken from a pod field, e.g. {@code metadata.annotations['…']}. */
  public static String fieldRef(String fieldPath) {
    return FIELD_REF + fieldPath;
  }

  Map<String, Object> block() {
    List<Object> envBlocks = new ArrayList<>();
    env.keySet().stream().sorted().forEach(k -> {
      String v = env.get(k);
      envBlocks.add(v.startsWith(FIELD_REF)
          ? Maps.of("name", k, "value_from", Maps.of("field_ref", Maps.of("field_path", v.substring(FIELD_REF.length()))))
          : Maps.of("name", k, "value", v));
    });
    List<Object> mountBlocks = new ArrayList<>();
    mounts.forEach(m -> mountBlocks.add(Maps.of("name", m.volume(), "mount_path", m.path(), "read_only", m.readOnly())));
    return Maps.of(
        "name", name,
        "image", image,
        "command", command.isEmpty() ? null : command,
        "args", args.isEmpty() ? null : args,
        "env", envBlocks.isEmpty() ? null : envBlocks,
        "port", port == 0 ? null : List.of(Maps.of("container_port", port)),
        "readiness_probe", readinessPath.isEmpty() ? null
            : Maps.of("http_get", Maps.of("path", readinessPath, "port", Integer.toString(port)), "period_seconds", 2),
        "security_context", netAdmin ? Maps.of("capabilities", Maps.of("add", List.of("NET_ADMIN"))) : null,
        "volume_mount", mountBlocks.isEmpty() ? null : mountBlocks);
  }
}
