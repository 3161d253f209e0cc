package dev.kubeyard.engine.apps.sqlserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.netpol.AppPods;
import dev.kubeyard.engine.netpol.Flows;
import dev.kubeyard.engine.netpol.Peers;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The group's namespace denies everything but its flows (ADR 39, ADR 41): the mirroring endpoints (5022)
 * among the replicas; TDS (1433) into the replicas from the platform gateway (writes through the primary's
 * Service, reads through the secondaries'), from the failover controller and, when the spec exposes it,
 * from the ingress controller; the controller out to the replicas and to the apiservers (its Lease, the
 * pods' role labels); DNS for both. A policy sees a Service's traffic after kube-proxy's DNAT, so each flow
 * names the pods and their own ports.
 */
final class GroupNetworkPolicies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GroupNetworkPolicies() {}

  static List<Manifest> of(SqlServerDeployment d) {
    KubernetesVersion v = d.kubernetes();
    String ns = d.namespace();
    String name = d.group();
    Map<String, String> labels = new LinkedHashMap<>(AppPods.sqlServer(name));
    labels.put("app.kubernetes.io/managed-by", "kubeyard");
    Map<String, String> replicas = AppPods.sqlServer(name);
    Map<String, String> controller = AppPods.sqlServerController(name);
    List<Map<String, Object>> tds = Peers.tcp(SqlServerDeployment.TDS_PORT);
    List<Map<String, Object>> policies = new ArrayList<>();
    policies.add(Flows.defaultDeny(ns, labels));
    policies.add(Flows.among(ns, name + "-mirroring", labels,
        "both ways: the database mirroring endpoints (5022) among the replicas, certificate-authenticated",
        replicas, Peers.tcp(SqlServerDeployment.MIRRORING_PORT)));
    policies.add(Flows.egress(ns, name + "-dns", labels,
        "out: DNS to CoreDNS, for the replicas' endpoint URLs (their own Services' names)", replicas,
        List.of(Peers.dns(v)), Peers.dnsPorts()));
    if (d.gatewayNamespace() != null) {
      policies.add(Flows.ingress(ns, name + "-from-gateway", labels,
          "in: TDS (1433) from the platform gateway, through " + d.names().primaryService() + " (writes) and "
              + d.names().secondaryService() + " (reads)",
          replicas, List.of(Peers.podsIn(v, d.gatewayNamespace(), AppPods.gateway())), tds));
    }
    policies.add(Flows.ingress(ns, name + "-from-controller", labels,
        "in: TDS (1433) from the failover controller: health, lease renewal, failover", replicas,
        List.of(Peers.pods(controller)), tds));
    if (d.exposed()) {
      policies.add(Flows.ingress(ns, name + "-from-ingress", labels,
          "in: TDS (1433) from the ingress controller's sqlserver entrypoint, routed to "
              + d.names().primaryService(),
          replicas, List.of(Peers.ingressController(v)), tds));
    }
    policies.add(Flows.egress(ns, name + "-controller-to-replicas", labels,
        "out: the failover controller to the replicas' TDS (1433)", controller, List.of(Peers.pods(replicas)), tds));
    policies.add(Flows.egress(ns, name + "-controller-to-apiserver", labels,
        "out: the failover controller to the apiservers (6443): its Lease and the replicas' role labels",
        controller, Peers.addresses(d.apiservers()), Peers.tcp(ComponentPorts.APISERVER)));
    policies.add(Flows.egress(ns, name + "-controller-dns", labels,
        "out: DNS to CoreDNS, for the replicas' Service names", controller, List.of(Peers.dns(v)), Peers.dnsPorts()));
    return policies.stream().map(p -> new Manifest("networkpolicy-" + ((Map<?, ?>) p.get("metadata")).get("name")
        + ".yaml", MAPPER.<ObjectNode>valueToTree(p))).toList();
  }
}
