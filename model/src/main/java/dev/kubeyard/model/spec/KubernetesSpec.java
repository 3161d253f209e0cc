package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The Kubernetes line and the cluster-wide address plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "serviceCidr", "clusterCidr", "nodePortRange", "clusterDnsIp",
    "clusterDomain", "containerRuntime"})
public record KubernetesSpec(
    String version,
    String serviceCidr,
    String clusterCidr,
    String nodePortRange,
    String clusterDnsIp,
    String clusterDomain,
    ContainerRuntime containerRuntime) {}
