package io.perftwin.infra.terraform;

import java.util.Objects;

/**
 * Where Terraform keeps the state of the staging stack. Always explicit in the synthesized JSON,
 * so that {@code terraform init} never falls back to a surprise location.
 */
public sealed interface Backend permits Backend.Local, Backend.S3 {

  /** The default: {@code terraform.tfstate} next to {@code cdk.tf.json}. */
  Local DEFAULT = new Local("terraform.tfstate");

  /**
   * State in a local file.
   *
   * @param path relative to the directory {@code terraform} runs in (the synth output directory)
   */
  record Local(String path) implements Backend {
    public Local {
      Objects.requireNonNull(path, "path");
      if (path.isBlank()) {
        throw new IllegalArgumentException("backend path must not be empty");
      }
    }
  }

  /**
   * State in an S3 bucket (or an S3-compatible store); credentials come from the usual AWS
   * environment at {@code terraform init}, never from the stack.
   */
  record S3(String bucket, String key, String region) implements Backend {
    public S3 {
      for (String[] f : new String[][] {{"bucket", bucket}, {"key", key}, {"region", region}}) {
        if (f[1] == null || f[1].isBlank()) {
          throw new IllegalArgumentException("backend " + f[0] + " must not be empty");
        }
      }
    }
  }
}
