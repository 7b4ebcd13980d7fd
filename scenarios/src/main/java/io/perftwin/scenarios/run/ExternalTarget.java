package io.perftwin.scenarios.run;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** A target someone else runs (an agent's coordinator): nothing to start, nothing to undo. */
final class ExternalTarget implements TargetEnvironment {
  private final URI target;
  private final Map<String, Object> description = new LinkedHashMap<>();

  ExternalTarget(URI target, String what) {
    this.target = target;
    description.put("kind", "agent");
    description.put("target", target.toString());
    description.put("note", what);
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
  public void close() {}
}
