package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;

/** apiVersion, kind and the cluster's name. */
final class HeaderRules implements Rule {
  @Override
  public void check(ClusterSpec s, Problems out) {
    if (!ClusterSpec.API_VERSION.equals(s.apiVersion())) {
      out.add("apiVersion", s.apiVersion(), "header.apiVersion", ClusterSpec.API_VERSION);
    }
    if (!ClusterSpec.KIND.equals(s.kind())) {
      out.add("kind", s.kind(), "header.kind", ClusterSpec.KIND);
    }
    if (!Names.dnsLabel(s.metadata().name())) {
      out.add("metadata.name", s.metadata().name(), "header.name");
    }
  }
}
