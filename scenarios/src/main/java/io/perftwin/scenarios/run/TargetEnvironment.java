package io.perftwin.scenarios.run;

import java.net.URI;
import java.util.Map;

/** Where the target runs for one run; closing it undoes everything it set up. */
interface TargetEnvironment extends AutoCloseable {

  /** Base URI the load goes to. */
  URI target();

  /** What it is, for run.json. */
  Map<String, Object> describe();

  @Override
  void close();
}
