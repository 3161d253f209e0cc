package dev.kubeyard.engine.render;

import dev.kubeyard.model.version.KubernetesVersion;

/**
 * The images the cluster's addons and sandboxes run. They are imported from the offline bundle under
 * kubeyard.local/ (a name no public registry answers), so a node never tries to pull from the internet.
 */
public record AddonImages(String pause, String flannel, String coredns, String metricsServer, String traefik,
    String metallbController, String metallbSpeaker, String kubeRouter) {
  private static final String REGISTRY = "kubeyard.local/"; // the bundle's ImageRecipe.REGISTRY
  /** MetalLB runs only where validation allows it (1.25+, ServiceAddressRules): one release for both lists. */
  private static final String METALLB = "0.15.2";
  /**
   * kube-router's policy controller, one build for both lines (our main fills 1.14's missing
   * status.podIPs; ADR 39). Only where the spec asks for network.enforceNetworkPolicy.
   */
  private static final String KUBE_ROUTER = "2.1.0";

  /**
   * What the bundle carries for {@code version}'s line. The current line's CoreDNS 1.13 and
   * metrics-server 0.8 need 1.21 and 1.31 (bundle/verify/AddonSupport), so the 1.14 line gets releases
   * that still serve it and that build from the Go module proxy (ADR 33): CoreDNS 1.6.7 (kubeadm 1.18's,
   * before EndpointSlices), metrics-server 0.4.4 ("1.8+"; no 0.3.x is served), flannel 0.15.1 (reads
   * spec.podCIDR), and Traefik 2.11, the last line that reads 1.14's Ingress API (ADR 29). pause is our
   * own 1.0.0 on both lines: tagging it 3.1 would pass it off as upstream's image.
   */
  public static AddonImages defaults(KubernetesVersion version) {
    if (currentReleases(version)) {
      return of("1.0.0", "0.28.10", "1.13.1", "0.8.0", "3.6.12");
    }
    return of("1.0.0", "0.15.1", "1.6.7", "0.4.4", "2.11.54");
  }

  /** CoreDNS serves readiness on the ready plugin's /ready:8181 from 1.5; before, only /health said anything. */
  public boolean corednsReadyPlugin() {
    String[] v = tag(coredns).split("\\.");
    try {
      return v.length < 2 || Integer.parseInt(v[0]) > 1 || Integer.parseInt(v[1]) >= 5;
    } catch (NumberFormatException e) {
      return true; // not a release number: assume a current CoreDNS
    }
  }

  /** The version part of {@code image} (after the last ':'). */
  public static String tag(String image) {
    return image.substring(image.lastIndexOf(':') + 1);
  }

  /** Whether {@code version} runs the current addon releases (their probes, flags and RBAC differ). */
  public static boolean currentReleases(KubernetesVersion version) {
    return version.atLeast(31);
  }

  private static AddonImages of(String pause, String flannel, String coredns, String metricsServer,
      String traefik) {
    return new AddonImages(REGISTRY + "pause:" + pause, REGISTRY + "flannel:" + flannel,
        REGISTRY + "coredns:" + coredns, REGISTRY + "metrics-server:" + metricsServer, REGISTRY + "traefik:" + traefik,
        REGISTRY + "metallb-controller:" + METALLB, REGISTRY + "metallb-speaker:" + METALLB,
        REGISTRY + "kube-router:" + KUBE_ROUTER);
  }
}
