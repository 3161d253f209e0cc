package dev.kubeyard.engine.k8s.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.rest.EsResponse;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsTransport;

/**
 * The Elasticsearch REST API through the apiserver's service proxy
 * ({@code /api/v1/namespaces/NS/services/NAME:9200/proxy/...}): no port-forward and no route from the
 * deploy node to pod IPs, just the kubeconfig. The client Service sends each request to a ready pod.
 */
final class ServiceProxyTransport implements EsTransport {
  private final KubernetesAccess k8s;
  private final String prefix;

  ServiceProxyTransport(KubernetesAccess k8s, String namespace, String service) {
    this.k8s = k8s;
    this.prefix = "/api/v1/namespaces/" + namespace + "/services/" + service + ":9200/proxy";
  }

  @Override
  public EsResponse send(String method, String path, String jsonBody) {
    KubernetesAccess.Reply r = k8s.send(method, prefix + path, jsonBody, jsonBody == null ? null : "application/json");
    return new EsResponse(r.status(), r.body());
  }

  @Override
  public String describe() {
    return k8s.server() + prefix;
  }
}
