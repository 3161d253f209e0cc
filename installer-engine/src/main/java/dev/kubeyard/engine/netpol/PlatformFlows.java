package dev.kubeyard.engine.netpol;

import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import dev.kubeyard.engine.facts.AppNamespaces;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flows of the addon namespaces that serve the apps (ADR 39): the ingress controller's (Traefik) and
 * MetalLB's. Their speakers run on the host network, where NetworkPolicy does not apply.
 */
public final class PlatformFlows {
  public static final String METALLB_NAMESPACE = "metallb-system";
  private static final Map<String, String> PART_OF = Map.of("app.kubernetes.io/part-of", "kubeyard");
  private static final Map<String, String> METALLB_CONTROLLER = metallbController();

  private PlatformFlows() {}

  /** Each master's apiserver, as the kubernetes Service's endpoints name them (the address, 6443). */
  public static List<String> apiservers(ClusterFacts facts) {
    return facts.withRole(Role.MASTER).stream().map(HostSpec::address).toList();
  }

  /**
   * Traefik: its entrypoints from anywhere (haproxy's NodePort traffic arrives from any node, SNATed by
   * kube-proxy); out to the apiserver it watches and to each app backend its routes name, on the
   * backend pods' own ports.
   */
  public static List<Map<String, Object>> ingressController(ClusterFacts facts) {
    KubernetesVersion v = facts.version();
    AppNamespaces apps = facts.appNamespaces();
    String ns = TraefikIngress.NAMESPACE;
    Map<String, String> traefik = TraefikIngress.CONTROLLER_POD_LABELS;
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(Flows.defaultDeny(ns, PART_OF));
    int[] entrypoints = apps.sqlServerExposed() ? new int[] {8000, 8443, 1433} : new int[] {8000, 8443};
    out.add(Flows.ingress(ns, "traefik-entrypoints", PART_OF,
        "in: web (8000), websecure (8443)" + (apps.sqlServerExposed() ? " and sqlserver (1433)" : "")
            + " from anywhere: clients come through haproxy and the NodePorts",
        traefik, List.of(), Peers.tcp(entrypoints)));
    out.add(Flows.egress(ns, "traefik-to-apiserver", PART_OF,
        "out: the apiservers (6443), whose Ingresses, Services and endpoints Traefik watches",
        traefik, Peers.addresses(apiservers(facts)), Peers.tcp(ComponentPorts.APISERVER)));
    if (apps.gateway() != null) {
      out.add(Flows.egress(ns, "traefik-to-gateway", PART_OF, "out: the platform gateway's pods (8000)",
          traefik, List.of(Peers.podsIn(v, apps.gateway(), AppPods.gateway())), Peers.tcp(8000)));
    }
    if (apps.elasticsearch() != null && apps.elasticsearchIngress()) {
      out.add(Flows.egress(ns, "traefik-to-elasticsearch", PART_OF,
          "out: Elasticsearch's HTTP API (9200), published at its ingressHost",
          traefik, List.of(Peers.podsIn(v, apps.elasticsearch(), AppPods.elasticsearch(facts.clusterName()))),
          Peers.tcp(9200)));
    }
    if (apps.sqlServer() != null && apps.sqlServerExposed()) {
      out.add(Flows.egress(ns, "traefik-to-sqlserver", PART_OF,
          "out: SQL Server's pods (1433), behind the sqlserver entrypoint's IngressRouteTCP",
          traefik, List.of(Peers.podsIn(v, apps.sqlServer(), Map.of())), Peers.tcp(1433)));
    }
    return out;
  }

  private static Map<String, String> metallbController() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app", "metallb");
    m.put("component", "controller");
    return m;
  }

  /** MetalLB's controller only talks to the apiserver; nothing calls it (no webhook, ADR 31). */
  public static List<Map<String, Object>> metallb(ClusterFacts facts) {
    return List.of(Flows.defaultDeny(METALLB_NAMESPACE, PART_OF),
        Flows.egress(METALLB_NAMESPACE, "metallb-controller-to-apiserver", PART_OF,
            "out: the apiservers (6443), where the controller watches Services and its address pools",
            METALLB_CONTROLLER, Peers.addresses(apiservers(facts)), Peers.tcp(ComponentPorts.APISERVER)));
  }
}
