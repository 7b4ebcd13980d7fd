package io.perftwin.infra.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The state file of one cluster, {@code /run/perftwin/pt-<id>.properties}: who owns it and which
 * namespaces it has (or will have). Written before the first namespace is created and removed
 * after the last one is deleted, so a perftwin namespace without a state file is a leftover.
 * {@code /run} is a tmpfs like {@code /run/netns}: both vanish together at reboot.
 */
record ClusterState(String id, String label, long ownerPid, String ownerStart, boolean kept,
    String hubNamespace, List<ClusterNode> nodes) {

  static final Path DIR = Path.of("/run/perftwin");

  Path file() {
    return DIR.resolve(LocalCluster.PREFIX + id + ".properties");
  }

  List<String> namespaces() {
    List<String> all = new ArrayList<>();
    for (ClusterNode n : nodes) {
      all.add(n.namespace());
    }
    all.add(hubNamespace);
    return all;
  }

  /** Whether the process that brought the cluster up is still that process (pid reuse is checked by start time). */
  boolean ownerAlive() {
    Optional<ProcessHandle> p = ProcessHandle.of(ownerPid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return false;
    }
    return ownerStart.isEmpty() || ownerStart.equals(startOf(p.get()));
  }

  static String startOf(ProcessHandle p) {
    return p.info().startInstant().map(Object::toString).orElse("");
  }

  void write() {
    Properties p = new Properties();
    p.setProperty("id", id);
    p.setProperty("label", label);
    p.setProperty("owner.pid", Long.toString(ownerPid));
    p.setProperty("owner.start", ownerStart);
    p.setProperty("kept", Boolean.toString(kept));
    p.setProperty("hub", hubNamespace);
    p.setProperty("nodes", Integer.toString(nodes.size()));
    for (int i = 0; i < nodes.size(); i++) {
      ClusterNode n = nodes.get(i);
      p.setProperty("node." + i + ".name", n.name());
      p.setProperty("node." + i + ".namespace", n.namespace());
      p.setProperty("node." + i + ".address", n.address());
    }
    try {
      Files.createDirectories(DIR);
      Path tmp = DIR.resolve(file().getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "perftwin local cluster; removed by 'twin env down' or when its owner is gone");
      }
      Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ClusterException("cannot write the cluster state file " + file() + ": " + e.getMessage(), e);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(file());
    } catch (IOException e) {
      throw new ClusterException("cannot remove the cluster state file " + file() + ": " + e.getMessage(), e);
    }
  }

  static Optional<ClusterState> read(String id) {
    Path f = DIR.resolve(LocalCluster.PREFIX + id + ".properties");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      int count = Integer.parseInt(p.getProperty("nodes", "0"));
      List<ClusterNode> nodes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        nodes.add(new ClusterNode(p.getProperty("node." + i + ".name"), p.getProperty("node." + i + ".namespace"),
            p.getProperty("node." + i + ".address")));
      }
      return Optional.of(new ClusterState(id, p.getProperty("label", ""), Long.parseLong(p.getProperty("owner.pid", "-1")),
          p.getProperty("owner.start", ""), Boolean.parseBoolean(p.getProperty("kept", "false")),
          p.getProperty("hub", LocalCluster.PREFIX + id + "-hub"), List.copyOf(nodes)));
    } catch (RuntimeException e) {
      // A damaged state file: treat the cluster as ownerless so that it can be cleaned up.
      return Optional.of(new ClusterState(id, "", -1, "", false, LocalCluster.PREFIX + id + "-hub", List.of()));
    }
  }

  /** Ids of every cluster with a state file. */
  static List<String> ids() {
    if (!Files.isDirectory(DIR)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith(LocalCluster.PREFIX) && n.endsWith(".properties"))
          .map(n -> n.substring(LocalCluster.PREFIX.length(), n.length() - ".properties".length()))
          .filter(LocalCluster::isClusterId)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
