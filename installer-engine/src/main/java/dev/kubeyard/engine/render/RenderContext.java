package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.version.KubernetesVersion;

/**
 * What every renderer reads: the derived facts, the cluster secrets that end up inside files (only
 * the encryption-at-rest key; certificates are copied, not rendered) and the images pods run.
 */
public record RenderContext(ClusterFacts facts, ClusterSecrets secrets, AddonImages images) {

  /** The images default to what the bundle carries for the facts' Kubernetes line. */
  public RenderContext(ClusterFacts facts, ClusterSecrets secrets) {
    this(facts, secrets, AddonImages.defaults(facts.version()));
  }

  /** The same context with other images, e.g. the references a bundle's manifest lists. */
  public RenderContext withImages(AddonImages other) {
    return new RenderContext(facts, secrets, other);
  }

  public KubernetesVersion version() {
    return facts.version();
  }
}
