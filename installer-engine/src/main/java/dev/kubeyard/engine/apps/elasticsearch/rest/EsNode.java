package dev.kubeyard.engine.apps.elasticsearch.rest;

import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import java.util.Set;

/** A node as the cluster sees it in {@code _nodes}: its version and the revision attribute it reports. */
public record EsNode(String id, String name, EsVersion version, Set<String> roles, String configRevision) {

  public boolean masterEligible() {
    return roles.contains("master");
  }

  /** True when the node runs {@code version} with configuration {@code revision}. */
  public boolean runs(EsVersion v, ConfigRevision revision) {
    return version.equals(v) && revision.id().equals(configRevision);
  }

  public String describe() {
    return name + " " + version + " revision " + configRevision;
  }
}
