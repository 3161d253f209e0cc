package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;

/** apiVersion, kind and the cluster's name. */
final class HeaderRules implements Rule {
  @Override
  public void check(ClusterSpec s, Problems out) {
    if (!ClusterSpec.API_VERSION.equals(s.apiVersion())) {
      out.add("apiVersion", s.apiVersion(), "apiVersion must be " + ClusterSpec.API_VERSION,
          "set 'apiVersion: " + ClusterSpec.API_VERSION + "'");
    }
    if (!ClusterSpec.KIND.equals(s.kind())) {
      out.add("kind", s.kind(), "kind must be " + ClusterSpec.KIND, "set 'kind: Cluster'");
    }
    if (!Names.dnsLabel(s.metadata().name())) {
      out.add("metadata.name", s.metadata().name(),
          "the cluster name must be a DNS label (lowercase letters, digits, '-', at most 63)",
          "use a name such as 'prod'");
    }
  }
}
