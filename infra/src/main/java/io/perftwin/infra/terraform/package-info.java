/**
 * Terraform for a Kubernetes staging cluster, synthesized from a {@link
 * io.perftwin.infra.terraform.StagingSpec} (scenario text + topology) by {@link
 * io.perftwin.infra.terraform.StagingSynth#synth}. The tool behind it sits behind {@link
 * io.perftwin.infra.terraform.StackSynthesizer}; today that is CDK for Terraform (package {@code
 * cdktf}, internal). docs/staging.md is the manual.
 */
package io.perftwin.infra.terraform;
