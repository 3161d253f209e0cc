package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * GitLab with replicated stateless tiers; PostgreSQL, Redis and object storage are external HA services.
 * {@code images}: the site's CNG images (ADR 44), required when GitLab is enabled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "version", "images", "namespace", "host", "webserviceReplicas", "sidekiqReplicas",
    "postgresHost", "redisSentinels", "objectStorageEndpoint", "postgres", "redis"})
public record GitlabSpec(
    Boolean enabled,
    String version,
    GitlabImages images,
    String namespace,
    String host,
    Integer webserviceReplicas,
    Integer sidekiqReplicas,
    String postgresHost,
    String redisSentinels,
    String objectStorageEndpoint,
    /** PostgreSQL run by Kubeyard (ADR 42); defaulted, ignored when postgresHost names an external one. */
    GitlabPostgresSpec postgres,
    /** Redis with Sentinel run by Kubeyard (ADR 43); defaults to 3 + 3. */
    GitlabRedisSpec redis) {}
