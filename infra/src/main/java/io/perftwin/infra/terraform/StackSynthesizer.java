package io.perftwin.infra.terraform;

import java.nio.file.Path;

/**
 * Renders a staging spec as a Terraform stack. The one seam between perftwin and the tool that
 * writes the Terraform JSON (CDK for Terraform today, {@link StagingSynth#cdktf()}), so that the same
 * topology can be rendered another way later.
 */
public interface StackSynthesizer {

  /**
   * Writes the stack into {@code outDir} (created if missing).
   *
   * @param spec a spec whose {@link StagingSpec#problems()} is empty
   * @return the files written, in a stable order
   * @throws SynthesisException if the tool failed
   */
  SynthesizedStack synthesize(StagingSpec spec, Path outDir);
}
