package dev.kubeyard.engine.bundle.verify;

import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.List;
import java.util.Optional;

/**
 * The oldest Kubernetes each addon image version works with, where we checked it: a bundle built for
 * the current line carries addons a 1.14 cluster cannot run.
 */
final class AddonSupport {

  /** Versions of {@code component} starting with {@code versionPrefix} need Kubernetes 1.{@code minMinor}. */
  record Floor(String component, String versionPrefix, int minMinor, String why, String forOlder) {}

  static final List<Floor> FLOORS = List.of(
      new Floor("coredns", "1.13.", 21, "its kubernetes plugin watches discovery.k8s.io/v1 EndpointSlices",
          "CoreDNS 1.3.1 (kubeadm's for 1.14)"),
      new Floor("metrics-server", "0.8.", 31, "its compatibility matrix says 1.31+", "metrics-server 0.3.x"),
      new Floor("metrics-server", "0.7.", 27, "its compatibility matrix says 1.27+", "metrics-server 0.3.x"),
      new Floor("metrics-server", "0.6.", 25, "its compatibility matrix says 1.25+", "metrics-server 0.3.x"),
      new Floor("traefik", "3.", 21, "it reads discovery.k8s.io/v1 EndpointSlices and networking.k8s.io/v1 Ingresses",
          "Traefik 2.11 (ADR 29)"),
      new Floor("metallb-controller", "0.15.", 25, "its CRDs use CEL validation rules (1.25+)",
          "MetalLB 0.12.x (configured by a ConfigMap, no CRDs)"));

  private AddonSupport() {}

  static Optional<BundleProblem> check(BundleImage image, KubernetesVersion cluster) {
    return FLOORS.stream()
        .filter(f -> f.component().equals(image.component()) && image.version().startsWith(f.versionPrefix())
            && !cluster.atLeast(f.minMinor()))
        .findFirst()
        .map(f -> new BundleProblem(image.path(), image.component() + " " + image.version() + " needs Kubernetes 1."
            + f.minMinor() + " or later (" + f.why() + ") but the cluster spec asks for " + cluster,
            "put an image of " + f.forOlder() + " in the bundle instead"));
  }
}
