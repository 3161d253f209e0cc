package dev.kubeyard.engine.render;

import dev.kubeyard.model.version.KubernetesVersion;

/**
 * The images the cluster's addons and sandboxes run. They are imported from the offline bundle under
 * kubeyard.local/ (a name no public registry answers), so a node never tries to pull from the internet.
 */
public record AddonImages(String pause, String flannel, String coredns, String metricsServer, String traefik,
    String metallbController, String metallbSpeaker) {
  private static final String REGISTRY = "kubeyard.local/"; // the bundle's ImageRecipe.REGISTRY
  /** MetalLB runs only where validation allows it (1.25+, ServiceAddressRules): one release for both lists. */
  private static final String METALLB = "0.15.2";

  /**
   * What the bundle carries for {@code version}'s line. The current line's CoreDNS 1.13 and
   * metrics-server 0.8 need 1.21 and 1.31 (bundle/verify/AddonSupport), so older lines get the releases
   * kubeadm paired with 1.14, and Traefik 2.11, the last line that reads 1.14's Ingress API (ADR 29).
   */
  public static AddonImages defaults(KubernetesVersion version) {
    if (currentReleases(version)) {
      return of("1.0.0", "0.28.10", "1.13.1", "0.8.0", "3.6.12");
    }
    return of("3.1", "0.11.0", "1.3.1", "0.3.6", "2.11.54");
  }

  /** Whether {@code version} runs the current addon releases (their probes, flags and RBAC differ). */
  public static boolean currentReleases(KubernetesVersion version) {
    return version.atLeast(31);
  }

  private static AddonImages of(String pause, String flannel, String coredns, String metricsServer,
      String traefik) {
    return new AddonImages(REGISTRY + "pause:" + pause, REGISTRY + "flannel:" + flannel,
        REGISTRY + "coredns:" + coredns, REGISTRY + "metrics-server:" + metricsServer, REGISTRY + "traefik:" + traefik,
        REGISTRY + "metallb-controller:" + METALLB, REGISTRY + "metallb-speaker:" + METALLB);
  }
}
