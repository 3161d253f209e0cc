package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * GitLab's Redis inside the cluster (ADR 43): {@code replicas} Redis pods (one master, the rest its
 * replicas) and {@code sentinels} Sentinels that elect a new master by majority. Its password is a Secret
 * Kubeyard generates, never a field here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"replicas", "sentinels"})
public record GitlabRedisSpec(Integer replicas, Integer sentinels) {
  public static final int DEFAULT_REPLICAS = 3;
  public static final int DEFAULT_SENTINELS = 3;
}
