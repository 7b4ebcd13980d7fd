/**
 * The CDK for Terraform implementation of {@link io.perftwin.infra.terraform.StackSynthesizer}:
 * {@link io.perftwin.infra.terraform.cdktf.StagingStack} assembles small typed resources of our
 * own ({@link io.perftwin.infra.terraform.cdktf.Namespace}, {@link
 * io.perftwin.infra.terraform.cdktf.Deployment}, …) written over CDKTF's core {@code
 * TerraformResource} with the Kubernetes provider's attribute names. Internal: only this package
 * imports {@code com.hashicorp.cdktf}.
 */
package io.perftwin.infra.terraform.cdktf;
