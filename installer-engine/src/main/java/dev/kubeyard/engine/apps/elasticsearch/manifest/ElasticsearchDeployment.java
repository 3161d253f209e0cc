package dev.kubeyard.engine.apps.elasticsearch.manifest;

import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.ElasticsearchSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Elasticsearch manifests are rendered from, derived once from the cluster facts: names,
 * counts, storage, the Kubernetes version (which APIs exist) and the target version and revision.
 * {@code ingressHost} is null unless the spec publishes the HTTP API through the ingress controller.
 * {@code clients} names who may reach the HTTP API besides the ingress controller (its NetworkPolicies).
 */
public record ElasticsearchDeployment(
    String clusterName,
    String namespace,
    KubernetesVersion kubernetes,
    EsVersion version,
    String heap,
    int masters,
    int data,
    int ingest,
    String storageSize,
    String storageClass,
    String imageRepository,
    String ingressHost,
    Clients clients) {

  /**
   * Who calls the HTTP API (ADR 39): the platform gateway's namespace (null without the gateway) and the
   * addresses the apiservers' service proxy connects from, which Kubeyard's orchestrator goes through;
   * those are only known on a running cluster ({@code ElasticsearchDeployer} reads them), so none here.
   */
  public record Clients(String gatewayNamespace, List<String> apiserverSources) {
    public static final Clients NONE = new Clients(null, List.of());

    public Clients {
      apiserverSources = List.copyOf(apiserverSources);
    }
  }

  /** Without clients: the HTTP API's only flow is the ingress controller's, if published. */
  public ElasticsearchDeployment(String clusterName, String namespace, KubernetesVersion kubernetes, EsVersion version,
      String heap, int masters, int data, int ingest, String storageSize, String storageClass, String imageRepository,
      String ingressHost) {
    this(clusterName, namespace, kubernetes, version, heap, masters, data, ingest, storageSize, storageClass,
        imageRepository, ingressHost, Clients.NONE);
  }

  public static final String NAME = "elasticsearch";
  public static final String REPO_PATH = "/usr/share/elasticsearch/snapshots";
  /** The official image; a spec's apps.elasticsearch.image replaces it (the lab's kubeyard.local/elasticsearch). */
  public static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch";

  public static ElasticsearchDeployment of(ClusterFacts facts) {
    ElasticsearchSpec es = facts.apps() == null ? null : facts.apps().elasticsearch();
    if (es == null || !Boolean.TRUE.equals(es.enabled())) {
      throw new IllegalArgumentException("the spec has no enabled apps.elasticsearch section");
    }
    return new ElasticsearchDeployment(facts.clusterName(), es.namespace(), facts.version(), EsVersion.of(es.version()),
        es.heap(), es.masters(), es.data(), es.ingest(), es.storageSize(), es.storageClass(),
        es.image() == null ? IMAGE : es.image(), es.ingressHost(),
        new Clients(facts.appNamespaces().gateway(), List.of()));
  }

  public ElasticsearchDeployment withVersion(EsVersion v) {
    return new ElasticsearchDeployment(clusterName, namespace, kubernetes, v, heap, masters, data, ingest, storageSize,
        storageClass, imageRepository, ingressHost, clients);
  }

  public ElasticsearchDeployment withHeap(String h) {
    return new ElasticsearchDeployment(clusterName, namespace, kubernetes, version, h, masters, data, ingest,
        storageSize, storageClass, imageRepository, ingressHost, clients);
  }

  /** The same, with the addresses the apiservers' service proxy connects from (read from the cluster). */
  public ElasticsearchDeployment withApiserverSources(List<String> sources) {
    return new ElasticsearchDeployment(clusterName, namespace, kubernetes, version, heap, masters, data, ingest,
        storageSize, storageClass, imageRepository, ingressHost, new Clients(clients.gatewayNamespace(), sources));
  }

  /** The role the client Service selects: ingest nodes, data nodes when there are none. */
  public NodeRole clientRole() {
    return ingest > 0 ? NodeRole.INGEST : NodeRole.DATA;
  }

  public int replicas(NodeRole role) {
    return switch (role) {
      case MASTER -> masters;
      case DATA -> data;
      case INGEST -> ingest;
    };
  }

  /** The roles that have at least one node, in restart order's reverse: master, data, ingest. */
  public List<NodeRole> roles() {
    return List.of(NodeRole.values()).stream().filter(r -> replicas(r) > 0).toList();
  }

  public String statefulSet(NodeRole role) {
    return NAME + "-" + role.label();
  }

  public String discoveryService() {
    return NAME + "-discovery";
  }

  /** Pod names of the masters, for cluster.initial_master_nodes (node.name is the pod name). */
  public List<String> masterPodNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < masters; i++) {
      names.add(statefulSet(NodeRole.MASTER) + "-" + i);
    }
    return names;
  }

  /** Settings every node gets (the roles come on top); they and the heap make the config revision. */
  public Map<String, String> commonSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("cluster.name", clusterName);
    s.put("network.host", "0.0.0.0");
    s.put("path.repo", REPO_PATH);
    if (version.usesZen1Discovery()) {
      s.put("discovery.zen.ping.unicast.hosts", discoveryService());
      s.put("discovery.zen.minimum_master_nodes", Integer.toString(masters / 2 + 1));
    } else {
      s.put("discovery.seed_hosts", discoveryService());
    }
    return s;
  }

  public ConfigRevision revision() {
    return ConfigRevision.of(heap, commonSettings());
  }

  /** Requests and limit: twice the heap, half of it for the file system cache and off-heap buffers. */
  public String memory() {
    int mib = heap.endsWith("g") ? Integer.parseInt(heap.substring(0, heap.length() - 1)) * 1024
        : Integer.parseInt(heap.substring(0, heap.length() - 1));
    int twice = mib * 2;
    return twice % 1024 == 0 ? (twice / 1024) + "Gi" : twice + "Mi";
  }

  public String storage(NodeRole role) {
    return role == NodeRole.DATA ? storageSize : "2Gi"; // masters and ingest nodes keep cluster metadata only
  }

  public String image() {
    return imageRepository + ":" + version;
  }
}
