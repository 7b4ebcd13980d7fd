package io.perftwin.infra.cluster;

import io.perftwin.infra.DemoService;
import io.perftwin.infra.DemoServiceConfig;

/** A node process for the tests: the demo service on HOST:PORT, watching its parent, until killed. */
public final class DemoNodeMain {
  private DemoNodeMain() {}

  public static void main(String[] args) throws InterruptedException {
    ParentWatchdog.startIfRequested();
    DemoService service = DemoService.start(DemoServiceConfig.DEFAULT, args[0], Integer.parseInt(args[1]), 1);
    System.out.println("demo node listening on " + args[0] + ":" + service.port());
    Thread.sleep(Long.MAX_VALUE);
  }
}
