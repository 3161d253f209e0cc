package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** GitLab with replicated stateless tiers; PostgreSQL, Redis and object storage are external HA services. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "version", "namespace", "host", "webserviceReplicas", "sidekiqReplicas",
    "postgresHost", "redisSentinels", "objectStorageEndpoint"})
public record GitlabSpec(
    Boolean enabled,
    String version,
    String namespace,
    String host,
    Integer webserviceReplicas,
    Integer sidekiqReplicas,
    String postgresHost,
    String redisSentinels,
    String objectStorageEndpoint) {}
