package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;

/** What every node should run when an update is done: a version and a configuration revision. */
public record UpdateTarget(EsVersion version, ConfigRevision revision) {
  @Override
  public String toString() {
    return version + " revision " + revision.id();
  }
}
