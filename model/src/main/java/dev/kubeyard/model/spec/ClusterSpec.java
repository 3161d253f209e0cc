package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The whole cluster as the administrator describes it in cluster.yaml.
 * Fields are nullable as parsed; {@link Defaults#apply} returns a copy with every default filled in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "kubernetes", "loadBalancer", "network", "pki",
    "windows", "hosts", "apps"})
public record ClusterSpec(
    String apiVersion,
    String kind,
    Metadata metadata,
    KubernetesSpec kubernetes,
    LoadBalancerSpec loadBalancer,
    NetworkSpec network,
    PkiSpec pki,
    WindowsSpec windows,
    List<HostSpec> hosts,
    AppsSpec apps) {

  public static final String API_VERSION = "kubeyard.dev/v1alpha1";
  public static final String KIND = "Cluster";

  public ClusterSpec {
    hosts = hosts == null ? null : List.copyOf(hosts);
  }

  /** True when the spec asks for an HA control plane behind a VIP. */
  public boolean highlyAvailable() {
    return loadBalancer != null && loadBalancer.vip() != null && !loadBalancer.vip().isBlank();
  }

  public List<HostSpec> hostsWithRole(Role role) {
    return hosts == null ? List.of() : hosts.stream().filter(h -> h.has(role)).toList();
  }

  /** The file paths the spec names (the ingress certificate's) made absolute against {@code specFolder}. */
  public ClusterSpec withFilesFrom(java.nio.file.Path specFolder) {
    return pki == null ? this : new ClusterSpec(apiVersion, kind, metadata, kubernetes, loadBalancer, network,
        pki.resolvedAgainst(specFolder), windows, hosts, apps);
  }

  public ClusterSpec withHosts(List<HostSpec> newHosts) {
    return new ClusterSpec(apiVersion, kind, metadata, kubernetes, loadBalancer, network, pki, windows,
        newHosts, apps);
  }
}
