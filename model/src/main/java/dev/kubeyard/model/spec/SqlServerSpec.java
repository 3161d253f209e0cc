package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A SQL Server Always On availability group. {@code saPasswordFrom} names where the password comes
 * from; it is never stored in the spec.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "version", "namespace", "replicas", "availabilityGroup", "storageSize",
    "saPasswordFrom", "exposeTcpPort"})
public record SqlServerSpec(
    Boolean enabled,
    String version,
    String namespace,
    Integer replicas,
    String availabilityGroup,
    String storageSize,
    String saPasswordFrom,
    Integer exposeTcpPort) {}
