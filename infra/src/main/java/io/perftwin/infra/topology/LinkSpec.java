package io.perftwin.infra.topology;

import io.perftwin.shaping.NetworkProfile;
import java.util.Objects;

/**
 * A network path between two nodes, shaped by {@code profile}: traffic from {@code from} to {@code
 * to} and the replies. A load generator is only ever a {@code from}.
 *
 * @param from name of the calling node
 * @param to name of the called node
 * @param profile network conditions on this path; {@link NetworkProfile#NONE} for none
 */
public record LinkSpec(String from, String to, NetworkProfile profile) {
  public LinkSpec {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    profile = profile == null ? NetworkProfile.NONE : profile;
  }
}
