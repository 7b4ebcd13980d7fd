package io.perftwin.infra.terraform;

import io.perftwin.infra.terraform.cdktf.CdktfStackSynthesizer;
import io.perftwin.infra.topology.TopologyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point of {@code twin infra synth}: checks a spec, then writes {@code outDir/cdk.tf.json}.
 * Bad input throws before anything is created on disk.
 */
public final class StagingSynth {
  private StagingSynth() {}

  /** The CDK for Terraform synthesizer (needs Node.js). */
  public static StackSynthesizer cdktf() {
    return new CdktfStackSynthesizer();
  }

  /**
   * Checks {@code spec} and writes its stack with {@link #cdktf()}.
   *
   * @throws TopologyException listing every problem of the spec (bad input: exit 2), nothing written
   * @throws IllegalArgumentException if {@code outDir} exists and is not a directory, nothing written
   * @throws SynthesisException if CDK for Terraform or the disk failed
   */
  public static SynthesizedStack synth(StagingSpec spec, Path outDir) {
    return synth(spec, outDir, cdktf());
  }

  /** As {@link #synth(StagingSpec, Path)} with another synthesizer. */
  public static SynthesizedStack synth(StagingSpec spec, Path outDir, StackSynthesizer synthesizer) {
    List<String> problems = spec.problems();
    if (!problems.isEmpty()) {
      throw new TopologyException(problems);
    }
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new IllegalArgumentException("--out: " + outDir + " exists and is not a directory");
    }
    return synthesizer.synthesize(spec, outDir);
  }
}
