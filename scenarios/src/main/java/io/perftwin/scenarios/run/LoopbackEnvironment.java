package io.perftwin.scenarios.run;

import io.perftwin.infra.DemoService;
import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.StubService;
import io.perftwin.scenarios.Target;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment without network namespaces: the demo service in this process on 127.0.0.1,
 * or the scenario's own URL (already checked to be loopback unless the scenario allows otherwise).
 */
final class LoopbackEnvironment implements TargetEnvironment {
  private final DemoService demo;
  private StubService stub;
  private final URI target;
  private final Map<String, Object> description = new LinkedHashMap<>();

  private LoopbackEnvironment(DemoService demo, URI target) {
    this.demo = demo;
    this.target = target;
  }

  static LoopbackEnvironment start(Target target, long seed) {
    if (!target.isDemo()) {
      LoopbackEnvironment env = new LoopbackEnvironment(null, target.url());
      env.description.put("kind", "url");
      env.description.put("target", target.url().toString());
      env.description.put("note", "the target is not managed by perftwin");
      return env;
    }
    DemoServiceConfig config = io.perftwin.scenarios.parse.NodeDownstream.resolve(target.demo(), java.util.Map.of());
    StubService.ForDemo withStub = StubService.startFor(config, seed); // an endpoint may call a stub
    StubService stub = withStub.stub();
    config = withStub.config();
    DemoService demo;
    try {
      demo = DemoService.start(config, "127.0.0.1", 0, seed);
    } catch (RuntimeException e) {
      if (stub != null) {
        stub.close();
      }
      throw e;
    }
    LoopbackEnvironment env = new LoopbackEnvironment(demo, URI.create("http://127.0.0.1:" + demo.port()));
    env.stub = stub;
    if (stub != null) {
      env.description.put("stub", stub.describe() + " on 127.0.0.1:" + stub.port());
    }
    env.description.put("kind", "loopback");
    env.description.put("target", "built-in demo service in the runner process on " + env.target);
    env.description.put("demo", demo.describe());
    env.description.put("note", "generator and target share this host's loopback; no network namespaces");
    return env;
  }

  @Override
  public URI target() {
    return target;
  }

  @Override
  public Map<String, Object> describe() {
    return description;
  }

  @Override
  public void close() {
    if (demo != null) {
      demo.close();
    }
    if (stub != null) {
      stub.close();
    }
  }
}
