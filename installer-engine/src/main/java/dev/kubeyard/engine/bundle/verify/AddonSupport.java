package dev.kubeyard.engine.bundle.verify;

import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.render.AddonImages;
import dev.kubeyard.model.version.KubernetesVersion;
import dev.kubeyard.model.version.SupportedLines;
import java.util.List;
import java.util.Optional;

/**
 * The oldest Kubernetes each addon image version works with, where we checked it: a bundle built for
 * the current line carries addons a 1.14 cluster cannot run.
 */
final class AddonSupport {

  /**
   * Versions of {@code component} starting with {@code versionPrefix} need Kubernetes 1.{@code minMinor};
   * {@code fix} says what to use instead.
   */
  record Floor(String component, String versionPrefix, int minMinor, String why, String fix) {}

  /** What the 1.14 line's bundle carries instead (ADR 29, 33). */
  private static final AddonImages LINE_114 = AddonImages.defaults(KubernetesVersion.of(SupportedLines.LEGACY));
  private static final String BUILD_114 = "build the 1.14 line's bundle with 'kubeyard bundle build --line 1.14'"
      + " (it writes bundle/latest-1.14), which carries ";

  static final List<Floor> FLOORS = List.of(
      new Floor("coredns", "1.13.", 21, "its kubernetes plugin watches discovery.k8s.io/v1 EndpointSlices",
          BUILD_114 + "CoreDNS " + AddonImages.tag(LINE_114.coredns()) + " (ADR 33)"),
      new Floor("metrics-server", "0.8.", 31, "its compatibility matrix says 1.31+", metricsServerFix()),
      new Floor("metrics-server", "0.7.", 27, "its compatibility matrix says 1.27+", metricsServerFix()),
      new Floor("metrics-server", "0.6.", 25, "its compatibility matrix says 1.25+", metricsServerFix()),
      new Floor("traefik", "3.", 21, "it reads discovery.k8s.io/v1 EndpointSlices and networking.k8s.io/v1 Ingresses",
          BUILD_114 + "Traefik " + AddonImages.tag(LINE_114.traefik()) + " (ADR 29)"),
      new Floor("metallb-controller", "0.15.", 25, "its CRDs use CEL validation rules (1.25+)",
          "remove network.loadBalancerAddresses on this line, or use the current line; the 1.14 line's bundle"
              + " carries no MetalLB"));

  private AddonSupport() {}

  private static String metricsServerFix() {
    return BUILD_114 + "metrics-server " + AddonImages.tag(LINE_114.metricsServer()) + " (\"1.8+\"; ADR 33)";
  }

  static Optional<BundleProblem> check(BundleImage image, KubernetesVersion cluster) {
    return FLOORS.stream()
        .filter(f -> f.component().equals(image.component()) && image.version().startsWith(f.versionPrefix())
            && !cluster.atLeast(f.minMinor()))
        .findFirst()
        .map(f -> new BundleProblem(image.path(), image.component() + " " + image.version() + " needs Kubernetes 1."
            + f.minMinor() + " or later (" + f.why() + ") but the cluster spec asks for " + cluster, f.fix()));
  }
}
