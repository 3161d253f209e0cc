package dev.kubeyard.engine.apps.elasticsearch.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.netpol.AppPods;
import dev.kubeyard.engine.netpol.Flows;
import dev.kubeyard.engine.netpol.Peers;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch's namespace denies everything but its flows (ADR 39): transport 9300 among its pods, DNS
 * for the discovery Service, and the HTTP API (9200, on the pods the client Service selects) from the
 * platform gateway, from the ingress controller when {@code ingressHost} publishes it, and from the
 * apiservers' service proxy, through which Kubeyard's orchestrator (deploy, update, status) calls it.
 */
final class NetworkPolicies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NetworkPolicies() {}

  static List<Manifest> of(ElasticsearchDeployment d) {
    KubernetesVersion v = d.kubernetes();
    String ns = d.namespace();
    Map<String, String> labels = new LinkedHashMap<>(AppPods.elasticsearch(d.clusterName()));
    labels.put("app.kubernetes.io/managed-by", "kubeyard");
    Map<String, String> pods = AppPods.elasticsearch(d.clusterName());
    Map<String, String> http = new LinkedHashMap<>(pods);
    http.put(Labels.ROLE, d.clientRole().label());
    String name = ElasticsearchDeployment.NAME;
    List<Map<String, Object>> policies = new ArrayList<>();
    policies.add(Flows.defaultDeny(ns, labels));
    policies.add(Flows.among(ns, name + "-transport", labels,
        "both ways: transport (9300) among the cluster's own pods", pods, Peers.tcp(9300)));
    policies.add(Flows.egress(ns, name + "-dns", labels,
        "out: DNS to CoreDNS, for the discovery Service's seed hosts", pods, List.of(Peers.dns(v)), Peers.dnsPorts()));
    String gateway = d.clients().gatewayNamespace();
    if (gateway != null) {
      policies.add(Flows.ingress(ns, name + "-from-gateway", labels, "in: HTTP (9200) from the platform gateway",
          http, List.of(Peers.podsIn(v, gateway, AppPods.gateway())), Peers.tcp(9200)));
    }
    if (d.ingressHost() != null) {
      policies.add(Flows.ingress(ns, name + "-from-ingress", labels,
          "in: HTTP (9200) from the ingress controller, which publishes it at " + d.ingressHost(), http,
          List.of(Peers.ingressController(v)), Peers.tcp(9200)));
    }
    if (!d.clients().apiserverSources().isEmpty()) {
      policies.add(Flows.ingress(ns, name + "-from-apiserver", labels,
          "in: HTTP (9200) from the apiservers' service proxy (Kubeyard's orchestrator): each master's"
              + " flannel.1 address, the first of its pod subnet", http,
          Peers.addresses(d.clients().apiserverSources()), Peers.tcp(9200)));
    }
    return policies.stream().map(p -> new Manifest("networkpolicy-" + ((Map<?, ?>) p.get("metadata")).get("name")
        + ".yaml", MAPPER.<ObjectNode>valueToTree(p))).toList();
  }
}
