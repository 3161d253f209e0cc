package dev.kubeyard.desktop.manager.elasticsearch;

/** What the tab can show. */
public enum Availability {
  /** The spec has no enabled apps.elasticsearch: nothing to manage or deploy. */
  NOT_ENABLED,
  /** No cluster opened yet. */
  NO_CLUSTER,
  CONNECTING,
  /** The cluster has no Elasticsearch recorded: Deploy. */
  NOT_DEPLOYED,
  INSTALLED,
  /** Elasticsearch does not answer (see the error). */
  UNREACHABLE
}
