package dev.kubeyard.engine.testing;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.render.ClusterSecrets;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.UnaryOperator;

/** The example spec (the original notes' topology) on either Kubernetes line, for engine tests; MetalLB on 1.35. */
public final class Specs {
  /** A fixed, test-only encryption key so rendered files are comparable byte for byte. */
  public static final ClusterSecrets TEST_SECRETS =
      new ClusterSecrets("dGVzdC1vbmx5LWtleS1ub3QtZm9yLXVzZS0xMjM0NTY=",
          "dGVzdC1vbmx5LW1lbWJlcmxpc3Qta2V5LTEyMzQ1Njc=");

  private Specs() {}

  /**
   * apps.gitlab.images naming stand-ins (kubeyard.test/stand-in/...), for specs whose GitLab section
   * exercises the data tier: the spec must name the site's CNG images (ADR 44), nothing here runs them.
   * Indented for a line under {@code gitlab:} at {@code indent} spaces.
   */
  public static String gitlabStandInImages(int indent) {
    String pad = " ".repeat(indent);
    String cng = "kubeyard.test/stand-in/";
    return pad + "images:\n"
        + pad + "  webservice: " + cng + "gitlab-webservice-ee:v17.11.0\n"
        + pad + "  workhorse: " + cng + "gitlab-workhorse-ee:v17.11.0\n"
        + pad + "  sidekiq: " + cng + "gitlab-sidekiq-ee:v17.11.0\n"
        + pad + "  gitlabShell: " + cng + "gitlab-shell:v14.41.0\n"
        + pad + "  gitaly: " + cng + "gitaly:v17.11.0\n"
        + pad + "  toolbox: " + cng + "gitlab-toolbox-ee:v17.11.0\n";
  }

  public static String exampleYaml() {
    try {
      return Files.readString(RepoRoot.path().resolve("resources/examples/cluster.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example spec with {@code edit} applied to its text, validated. */
  public static ClusterSpec example(UnaryOperator<String> edit) {
    Validator.Result r = Validator.loadText(edit.apply(exampleYaml()));
    if (!r.valid()) {
      throw new IllegalArgumentException("test spec invalid: " + r.problems());
    }
    return r.spec();
  }

  public static ClusterSpec legacy() {
    return example(UnaryOperator.identity());
  }

  public static ClusterSpec current() {
    return example(Specs::onCurrentLine);
  }

  /** The example's text moved to the current line (1.35, with MetalLB's addresses). */
  public static String onCurrentLine(String yaml) {
    return yaml.replace("version: 1.14.10", "version: 1.35.0").replace("  # hostSubnet:", "  hostSubnet:")
        .replace("  # loadBalancerAddresses:", "  loadBalancerAddresses:").replace("  #   - 192.168.1.200", "    - 192.168.1.200");
  }

  public static RenderContext context(ClusterSpec spec) {
    return new RenderContext(ClusterFacts.of(spec), TEST_SECRETS);
  }
}
