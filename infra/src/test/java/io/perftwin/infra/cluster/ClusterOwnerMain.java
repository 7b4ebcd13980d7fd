package io.perftwin.infra.cluster;

import java.nio.file.Path;
import java.util.List;

/** For the tests: brings up a cluster with a demo node, prints "READY id pid log" and waits to be killed. */
public final class ClusterOwnerMain {
  private ClusterOwnerMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalCluster cluster = LocalCluster.up(LocalCluster.DEFAULT_NODES, "owner-test");
    String host = cluster.node("target").address();
    Path log = Path.of(args[0]);
    NodeProcess demo = cluster.start("target", LocalCluster.javaCommand(DemoNodeMain.class.getName(), List.of(host, "8080")), log);
    cluster.awaitHttp("loadgen", "http://" + host + ":8080/health", java.time.Duration.ofSeconds(30));
    System.out.println("READY " + cluster.id() + " " + demo.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
