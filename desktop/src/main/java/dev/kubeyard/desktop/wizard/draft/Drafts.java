package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.KubernetesSpec;
import dev.kubeyard.model.spec.LoadBalancerSpec;
import dev.kubeyard.model.spec.Metadata;
import dev.kubeyard.model.version.SupportedLines;
import java.util.List;

/** Starting points for the wizard. */
public final class Drafts {
  private Drafts() {}

  /** A new cluster: no hosts yet, an HA load balancer whose VIP is still to be chosen, 1.14 line. */
  public static ClusterSpec blankSpec(String name) {
    return new ClusterSpec(ClusterSpec.API_VERSION, ClusterSpec.KIND, new Metadata(name),
        new KubernetesSpec(SupportedLines.LEGACY, null, null, null, null, null, null),
        new LoadBalancerSpec("", null, null, null, null, null, null, null, null, null),
        null, null, null, List.of(), null);
  }
}
