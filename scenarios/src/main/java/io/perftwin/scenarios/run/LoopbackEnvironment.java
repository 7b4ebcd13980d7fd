package io.perftwin.scenarios.run;

import io.perftwin.infra.DemoService;
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
    DemoService demo = DemoService.start(target.demo(), "127.0.0.1", 0, seed);
    LoopbackEnvironment env = new LoopbackEnvironment(demo, URI.create("http://127.0.0.1:" + demo.port()));
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
  }
}
