package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.version.KubernetesVersion;

/**
 * What every renderer reads: the derived facts and the cluster secrets that end up inside files
 * (only the encryption-at-rest key; certificates are copied, not rendered).
 */
public record RenderContext(ClusterFacts facts, ClusterSecrets secrets) {
  public KubernetesVersion version() {
    return facts.version();
  }

  /** The pause image the runtime uses for pod sandboxes; it travels in the offline bundle. */
  public String pauseImage() {
    return version().atLeast(20) ? "registry.k8s.io/pause:3.10" : "k8s.gcr.io/pause:3.1";
  }
}
