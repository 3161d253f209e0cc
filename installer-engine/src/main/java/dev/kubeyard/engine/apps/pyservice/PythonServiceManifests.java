package dev.kubeyard.engine.apps.pyservice;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.podsecurity.PodSecurity;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import dev.kubeyard.engine.netpol.Peers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders the platform gateway (python-service/) for a cluster: file name to YAML text, sorted,
 * byte-for-byte deterministic. API versions follow the cluster's Kubernetes version.
 */
public final class PythonServiceManifests {
  /** The Deployment, Service and Ingress name. */
  public static final String NAME = GatewayValues.NAME;
  /** The Secret the pods mount; never rendered: the administrator creates it. The API tokens' Secret
   * ({@link GatewayTokens#SECRET}) is never rendered either: the deployer generates it. */
  public static final String SECRET = GatewayValues.SECRET;
  /**
   * Objects in the order they are created: the namespace first, what routes to the pods last. The
   * NetworkPolicies (default-deny, then one per flow, ADR 39) stay where the single policy was.
   */
  public static final List<String> APPLY_ORDER = List.of("namespace.yaml", "configmap.yaml", "service.yaml",
      "deployment.yaml", "poddisruptionbudget.yaml", "networkpolicy-default-deny.yaml", "networkpolicy.yaml",
      "networkpolicy-internal.yaml",
      "networkpolicy-dns.yaml", "networkpolicy-elasticsearch.yaml", "networkpolicy-sqlserver.yaml",
      "networkpolicy-gitlab.yaml", "ingress.yaml", "sqlserver-ingressroutetcp.yaml");
  /** The file of SQL Server's TCP route: a Traefik CRD, absent until the controller addon is installed. */
  public static final String SQLSERVER_ROUTE_FILE = "sqlserver-ingressroutetcp.yaml";

  private PythonServiceManifests() {}

  public static SortedMap<String, String> render(ClusterFacts facts) {
    GatewayValues v = GatewayValues.of(facts);
    SortedMap<String, String> files = new TreeMap<>();
    String config = ManifestYaml.write(GatewayConfig.configMap(v),
        "Environment for the gateway. Secrets are not here: they are files from Secret "
            + GatewayValues.SECRET + ".");
    files.put("configmap.yaml", config);
    // restricted (ADR 35): a non-root, read-only, capability-free pod
    Map<String, String> labels = new LinkedHashMap<>(Map.of("app.kubernetes.io/part-of", "kubeyard"));
    labels.putAll(PodSecurity.namespaceLabels(PodSecurityLevel.RESTRICTED, v.version()));
    labels.put(Peers.NAMESPACE_LABEL, v.namespace());  // what other namespaces' NetworkPolicies select it by before 1.21
    files.put("namespace.yaml", ManifestYaml.write(ManifestYaml.map("apiVersion", "v1", "kind", "Namespace",
        "metadata", ManifestYaml.map("name", v.namespace(), "labels", labels))));
    files.put("deployment.yaml", ManifestYaml.write(GatewayWorkload.deployment(v, ManifestYaml.sha256(config)),
        "The pod template carries the ConfigMap's checksum, so a config change rolls the pods."));
    files.put("poddisruptionbudget.yaml", ManifestYaml.write(GatewayWorkload.podDisruptionBudget(v)));
    files.put("service.yaml", ManifestYaml.write(GatewayNetworking.service(v)));
    files.put("ingress.yaml", ManifestYaml.write(GatewayNetworking.ingress(v)));
    GatewayNetworking.networkPolicies(v).forEach((file, policy) -> files.put(file, ManifestYaml.write(policy)));
    GatewayConfig.sqlServerTcpRoute(v).ifPresent(route -> files.put(SQLSERVER_ROUTE_FILE,
        ManifestYaml.write(route,
            "SQL Server speaks TDS, not HTTP: an Ingress rule cannot carry it, and before TDS 8 its TLS",
            "sits inside PRELOGIN, so there is no SNI to tell backends apart: one backend per TCP port.",
            "Traefik forwards its sqlserver entrypoint (the spec's apps.sqlserver.exposeTcpPort on the",
            "VIP) byte for byte to the availability group's primary.")));
    return Collections.unmodifiableSortedMap(files);
  }
}
