package dev.kubeyard.engine.apps.pyservice;

import static dev.kubeyard.engine.apps.pyservice.ManifestYaml.map;

import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import dev.kubeyard.engine.facts.ApiLoadBalancer;
import dev.kubeyard.engine.facts.AppNamespaces;
import dev.kubeyard.engine.netpol.AppPods;
import dev.kubeyard.engine.netpol.Flows;
import dev.kubeyard.engine.netpol.Peers;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Service, Ingress and NetworkPolicies. */
final class GatewayNetworking {
  /** The namespace label that admits a scraper (e.g. Prometheus) to the internal port. */
  static final String SCRAPE_LABEL = "kubeyard.dev/scrape-gateway";

  private GatewayNetworking() {}

  static Map<String, Object> service(GatewayValues v) {
    return map("apiVersion", "v1", "kind", "Service",
        "metadata", v.metadata(GatewayValues.NAME, v.namespace()),
        "spec", map("type", "ClusterIP", "selector", v.selector(),
            "ports", List.of(map("name", "http", "port", 80, "targetPort", "http", "protocol", "TCP"))));
  }

  /** The gateway's host on the shared 80/443, TLS by the controller (see {@link TraefikIngress#ingress}). */
  static Map<String, Object> ingress(GatewayValues v) {
    return TraefikIngress.ingress(v.version(), GatewayValues.NAME, v.namespace(), v.labels(), v.spec().host(),
        GatewayValues.NAME, "http");
  }

  /**
   * The namespace's policies (ADR 39): default-deny, then one per flow. In: HTTP from the ingress
   * controller's pods only; the internal port (metrics, docs) from the own namespace and namespaces labelled
   * {@link #SCRAPE_LABEL}{@code =true}. Out: DNS to CoreDNS, Elasticsearch's 9200, SQL Server's 1433 and GitLab's
   * HTTPS, each to its destination and only when the spec enables that app. The ingress flow keeps the
   * name the single policy had, so a re-deploy replaces it instead of leaving its open egress behind.
   */
  static Map<String, Map<String, Object>> networkPolicies(GatewayValues v) {
    KubernetesVersion k = v.version();
    String ns = v.namespace();
    Map<String, Object> labels = v.labels();
    Map<String, Object> pods = v.selector();
    AppNamespaces apps = v.facts().appNamespaces();
    Map<String, Map<String, Object>> files = new LinkedHashMap<>();
    files.put("networkpolicy-default-deny.yaml", Flows.defaultDeny(ns, labels));
    Map<String, Object> traefik = map(
        "namespaceSelector", map("matchLabels", TraefikIngress.namespaceLabels(k)),
        "podSelector", map("matchLabels", TraefikIngress.CONTROLLER_POD_LABELS));
    files.put("networkpolicy.yaml", Flows.ingress(ns, GatewayValues.NAME, labels,
        "in: HTTP (" + GatewayValues.HTTP_PORT + ") from the ingress controller's pods only", pods, List.of(traefik),
        Peers.tcp(GatewayValues.HTTP_PORT)));
    // metrics and the API docs (ADR 34): the own namespace and namespaces labelled for scraping
    files.put("networkpolicy-internal.yaml", Flows.ingress(ns, GatewayValues.NAME + "-internal", labels,
        "in: metrics and API docs (" + GatewayValues.INTERNAL_PORT + ") from the own namespace and namespaces labelled "
            + SCRAPE_LABEL + "=true", pods,
        List.of(map("podSelector", map()), map("namespaceSelector", map("matchLabels", map(SCRAPE_LABEL, "true")))),
        Peers.tcp(GatewayValues.INTERNAL_PORT)));
    files.put("networkpolicy-dns.yaml", Flows.egress(ns, GatewayValues.NAME + "-dns", labels,
        "out: DNS to CoreDNS, for the Services' and GitLab's names", pods, List.of(Peers.dns(k)), Peers.dnsPorts()));
    if (apps.elasticsearch() != null) {
      files.put("networkpolicy-elasticsearch.yaml", Flows.egress(ns, GatewayValues.NAME + "-to-elasticsearch", labels,
          "out: Elasticsearch's HTTP API (9200) in " + apps.elasticsearch(), pods,
          List.of(Peers.podsIn(k, apps.elasticsearch(), AppPods.elasticsearch(v.facts().clusterName()))),
          Peers.tcp(9200)));
    }
    if (apps.sqlServer() != null) {
      files.put("networkpolicy-sqlserver.yaml", Flows.egress(ns, GatewayValues.NAME + "-to-sqlserver", labels,
          "out: SQL Server (1433) in " + apps.sqlServer() + ", behind the availability group's Services", pods,
          List.of(Peers.podsIn(k, apps.sqlServer(), Map.of())), Peers.tcp(1433)));
    }
    if (apps.gitlabHost() != null) {
      ApiLoadBalancer lb = v.facts().loadBalancer();
      files.put("networkpolicy-gitlab.yaml", lb != null
          ? Flows.egress(ns, GatewayValues.NAME + "-to-gitlab", labels,
              "out: GitLab at https://" + apps.gitlabHost() + ", which resolves to the VIP (haproxy " + lb.ingressHttpsPort()
                  + ")", pods, List.of(Peers.address(lb.vip())), Peers.tcp(lb.ingressHttpsPort()))
          : Flows.egress(ns, GatewayValues.NAME + "-to-gitlab", labels,
              "out: GitLab at https://" + apps.gitlabHost() + " through the ingress controller's NodePort, which"
                  + " kube-proxy turns into Traefik's websecure (8443) before the policy sees it", pods,
              List.of(traefik), Peers.tcp(8443)));
    }
    return files;
  }
}
