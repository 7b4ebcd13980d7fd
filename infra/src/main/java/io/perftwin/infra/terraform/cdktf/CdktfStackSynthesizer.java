package io.perftwin.infra.terraform.cdktf;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import io.perftwin.infra.terraform.StackSynthesizer;
import io.perftwin.infra.terraform.StagingSpec;
import io.perftwin.infra.terraform.SynthesisException;
import io.perftwin.infra.terraform.SynthesizedStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link StackSynthesizer} through CDK for Terraform ({@code com.hashicorp:cdktf}, run by its
 * jsii runtime on Node.js). CDKTF writes {@code stacks/<id>/cdk.tf.json} and a manifest into a
 * scratch directory; only the stack JSON is kept, as {@code outDir/cdk.tf.json}, ending with a
 * newline. CDKTF's JSON has sorted keys and no timestamps or absolute paths (the backend path is
 * always given), so the same spec gives the same bytes.
 */
public final class CdktfStackSynthesizer implements StackSynthesizer {
  /** The stack id inside the CDKTF app; appears in each resource's {@code //} metadata path. */
  public static final String STACK_ID = "perftwin";
  /** The file written into the output directory. */
  public static final String FILE_NAME = "cdk.tf.json";
  /** jsii runs one Node process per JVM; syntheses take turns. */
  private static final Object JSII = new Object();

  @Override
  public SynthesizedStack synthesize(StagingSpec spec, Path outDir) {
    synchronized (JSII) {
      return synthesizeAlone(spec, outDir);
    }
  }

  private SynthesizedStack synthesizeAlone(StagingSpec spec, Path outDir) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("perftwin-cdktf-");
      App app = newApp(scratch);
      new StagingStack(app, STACK_ID, spec);
      app.synth();
      String json = Files.readString(scratch.resolve("stacks").resolve(STACK_ID).resolve(FILE_NAME), StandardCharsets.UTF_8);
      if (!json.endsWith("\n")) {
        json += "\n";
      }
      Files.createDirectories(outDir);
      Path target = outDir.resolve(FILE_NAME);
      Path partial = outDir.resolve(FILE_NAME + ".partial");
      Files.writeString(partial, json, StandardCharsets.UTF_8);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new SynthesizedStack(outDir, target, List.of(target));
    } catch (IOException e) {
      throw new SynthesisException("cannot write the Terraform stack to " + outDir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(scratch);
    }
  }

  private static App newApp(Path scratch) {
    try {
      return new App(AppConfig.builder().outdir(scratch.toString()).stackTraces(false).build());
    } catch (RuntimeException | ExceptionInInitializerError | NoClassDefFoundError e) {
      throw new SynthesisException("CDK for Terraform could not start; it needs Node.js (`node` on PATH, or JSII_NODE)"
          + " for its jsii runtime: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
