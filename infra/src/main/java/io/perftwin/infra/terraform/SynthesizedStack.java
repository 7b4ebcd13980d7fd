package io.perftwin.infra.terraform;

import java.nio.file.Path;
import java.util.List;

/**
 * A stack written to disk.
 *
 * @param directory where to run {@code terraform init} and {@code terraform apply}
 * @param terraformJson the stack, {@code directory/cdk.tf.json}
 * @param files every file written, in a stable order
 */
public record SynthesizedStack(Path directory, Path terraformJson, List<Path> files) {
  public SynthesizedStack {
    files = List.copyOf(files);
  }
}
