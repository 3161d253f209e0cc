package dev.kubeyard.desktop.wizard;

import dev.kubeyard.model.validate.Problem;
import java.util.List;

/**
 * The wizard's pages in order, each owning the spec paths it edits: a problem shows on the page
 * that owns its path, and "Next" waits until that page has none.
 */
public enum WizardStep {
  START("start", List.of("metadata", "apiVersion", "kind")),
  HOSTS("hosts", List.of("hosts")),
  NETWORK("network", List.of("kubernetes.serviceCidr", "kubernetes.clusterCidr", "kubernetes.clusterDnsIp",
      "kubernetes.clusterDomain", "kubernetes.nodePortRange", "network")),
  LOAD_BALANCER("loadBalancer", List.of("loadBalancer")),
  WINDOWS("windows", List.of("windows")),
  VERSIONS("versions", List.of("kubernetes.version", "kubernetes.containerRuntime", "pki")),
  APPS("apps", List.of("apps", "pki.ingressCertificate")),
  REVIEW("review", List.of());

  private final String key;
  private final List<String> paths;

  WizardStep(String key, List<String> paths) {
    this.key = key;
    this.paths = paths;
  }

  /** The message key of the page's title. */
  public String titleKey() {
    return "wizard.step." + key;
  }

  public String id() {
    return key;
  }

  public boolean owns(String path) {
    return ownership(path) > 0;
  }

  /** How closely this page owns {@code path}: the length of its longest matching prefix, 0 for none. */
  private int ownership(String path) {
    return paths.stream().filter(p -> path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "["))
        .mapToInt(String::length).max().orElse(0);
  }

  /**
   * The page that shows a problem: the closest owner of its path (pki.ingressCertificate is edited on the
   * apps page, the rest of pki on the versions page); the review page for anything else.
   */
  public static WizardStep of(Problem problem) {
    WizardStep best = REVIEW;
    int closest = 0;
    for (WizardStep s : values()) {
      int o = s.ownership(problem.path());
      if (o > closest) {
        best = s;
        closest = o;
      }
    }
    return best;
  }
}
