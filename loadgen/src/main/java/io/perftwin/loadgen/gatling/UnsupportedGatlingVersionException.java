package io.perftwin.loadgen.gatling;

/** A {@code simulation.log} written by a Gatling version whose format perftwin does not read. */
public final class UnsupportedGatlingVersionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String found;
  private final String expected;

  public UnsupportedGatlingVersionException(String found, String expected, String source) {
    super(source + " was written by Gatling " + found + "; perftwin reads the simulation.log format of Gatling "
        + expected + " only (put gatling.version " + expected + " on the simulation's classpath)");
    this.found = found;
    this.expected = expected;
  }

  public String found() {
    return found;
  }

  public String expected() {
    return expected;
  }
}
