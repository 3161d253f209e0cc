package dev.kubeyard.engine.apps.elasticsearch.rest;

/**
 * Sends one request to the Elasticsearch REST API of a cluster, wherever it runs: loopback HTTP to
 * harness nodes, or the Kubernetes apiserver's service proxy. Every request Kubeyard sends through it
 * is idempotent, so an implementation may retry it on another node.
 */
public interface EsTransport {
  /** {@code path} starts with '/', may carry a query; {@code jsonBody} may be null. */
  EsResponse send(String method, String path, String jsonBody);

  /** Where requests go, for messages. */
  String describe();
}
