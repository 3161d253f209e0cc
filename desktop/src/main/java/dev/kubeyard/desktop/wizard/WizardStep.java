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
  APPS("apps", List.of("apps")),
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
    return paths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "["));
  }

  /** The page that shows a problem: the owner of its path; the review page for anything else. */
  public static WizardStep of(Problem problem) {
    for (WizardStep s : values()) {
      if (s.owns(problem.path())) {
        return s;
      }
    }
    return REVIEW;
  }
}
