package io.perftwin.infra.terraform.cdktf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod template: labels, optional init containers (the netem shaper), containers and ConfigMap
 * volumes.
 *
 * @param labels pod labels (the selector of the Deployment and Service)
 * @param initContainers run to completion, in order, before the containers start
 * @param containers the workload
 * @param configMapVolumes volume name → ConfigMap name
 * @param emptyDirVolumes names of scratch volumes that live as long as the pod
 * @param restartPolicy {@code Always} for a Deployment, {@code Never} for a Job
 */
public record PodTemplate(Map<String, String> labels, List<Container> initContainers, List<Container> containers,
    Map<String, String> configMapVolumes, List<String> emptyDirVolumes, String restartPolicy) {
  public PodTemplate {
    labels = Map.copyOf(labels);
    initContainers = List.copyOf(initContainers);
    containers = List.copyOf(containers);
    configMapVolumes = Map.copyOf(configMapVolumes);
    emptyDirVolumes = List.copyOf(emptyDirVolumes);
  }

  Map<String, Object> block() {
    List<Object> volumes = new java.util.ArrayList<>();
    configMapVolumes.keySet().stream().sorted()
        .forEach(k -> volumes.add(Maps.of("name", k, "config_map", Maps.of("name", configMapVolumes.get(k)))));
    emptyDirVolumes.stream().sorted().forEach(k -> volumes.add(Maps.of("name", k, "empty_dir", Map.of())));
    return Maps.of(
        "metadata", Maps.of("labels", new TreeMap<>(labels)),
        "spec", Maps.of(
            "init_container", initContainers.isEmpty() ? null : initContainers.stream().map(c -> (Object) c.block()).toList(),
            "container", containers.stream().map(c -> (Object) c.block()).toList(),
            "volume", volumes.isEmpty() ? null : volumes,
            "restart_policy", restartPolicy));
  }
}
