package dev.kubeyard.engine.render;

import dev.kubeyard.model.version.KubernetesVersion;
import java.util.Map;

/**
 * The Kubernetes minor versions in which each flag Kubeyard renders exists: [since, until).
 * Every flag goes through here, so a flag a version does not have can never be rendered for it.
 */
public final class FlagCatalog {
  /** A flag's life: it exists from 1.since up to (not including) 1.until. */
  public record Life(int since, int until) {
    boolean includes(KubernetesVersion v) {
      return v.atLeast(since) && !v.atLeast(until);
    }
  }

  private static final int NOW = Integer.MAX_VALUE;
  private static final Life ALWAYS = new Life(0, NOW);

  private static final Map<String, Life> LIVES = Map.ofEntries(
      // kube-apiserver
      Map.entry("kube-apiserver --insecure-port", new Life(0, 24)),
      Map.entry("kube-apiserver --service-account-issuer", new Life(12, NOW)),
      Map.entry("kube-apiserver --service-account-extend-token-expiration", new Life(20, NOW)),
      Map.entry("kube-apiserver --service-account-signing-key-file", new Life(12, NOW)),
      Map.entry("kube-apiserver --encryption-provider-config", new Life(13, NOW)),
      // not in 1.14's binary; only useful with /readyz (1.16), which fails during the delay
      Map.entry("kube-apiserver --shutdown-delay-duration", new Life(16, NOW)),
      // kube-controller-manager
      Map.entry("kube-controller-manager --port", new Life(0, 24)),
      Map.entry("kube-controller-manager --experimental-cluster-signing-duration", new Life(0, 25)),
      Map.entry("kube-controller-manager --cluster-signing-duration", new Life(19, NOW)),
      // kube-scheduler
      Map.entry("kube-scheduler --port", new Life(0, 24)),
      Map.entry("kube-scheduler --config", new Life(0, NOW)),
      // kubelet
      Map.entry("kubelet --allow-privileged", new Life(0, 15)),
      Map.entry("kubelet --network-plugin", new Life(0, 24)),
      Map.entry("kubelet --cni-bin-dir", new Life(0, 24)),
      Map.entry("kubelet --cni-conf-dir", new Life(0, 24)),
      Map.entry("kubelet --container-runtime", new Life(0, 27)),
      Map.entry("kubelet --pod-infra-container-image", new Life(0, 35)),
      Map.entry("kubelet --image-pull-progress-deadline", new Life(0, 24)),
      Map.entry("kubelet --windows-service", new Life(14, NOW)),
      Map.entry("kube-proxy --windows-service", new Life(14, NOW)),
      // kube-proxy
      Map.entry("kube-proxy --config", ALWAYS));

  private FlagCatalog() {}

  /** Flags absent from the catalog exist in every supported line (checked against 1.14 and current docs). */
  public static Life lifeOf(String component, String flag) {
    return LIVES.getOrDefault(component + " " + flag, ALWAYS);
  }

  public static boolean exists(String component, String flag, KubernetesVersion v) {
    return lifeOf(component, flag).includes(v);
  }
}
