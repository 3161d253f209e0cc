package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Kubernetes line and the cluster-wide address plan. {@code restrictOomScoreAdj}: the hosts cannot
 * lower a process's OOM score (containers without CAP_SYS_RESOURCE, such as the local lab's machines),
 * so containerd must not ask for the negative scores the kubelet gives pod sandboxes; default false.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "serviceCidr", "clusterCidr", "nodePortRange", "clusterDnsIp",
    "clusterDomain", "containerRuntime", "restrictOomScoreAdj"})
public record KubernetesSpec(
    String version,
    String serviceCidr,
    String clusterCidr,
    String nodePortRange,
    String clusterDnsIp,
    String clusterDomain,
    ContainerRuntime containerRuntime,
    Boolean restrictOomScoreAdj) {

  /** The spec as written before the field existed (the wizard and most callers). */
  public KubernetesSpec(String version, String serviceCidr, String clusterCidr, String nodePortRange,
      String clusterDnsIp, String clusterDomain, ContainerRuntime containerRuntime) {
    this(version, serviceCidr, clusterCidr, nodePortRange, clusterDnsIp, clusterDomain, containerRuntime, null);
  }
}
