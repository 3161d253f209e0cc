package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * GitLab's PostgreSQL run by Kubeyard (ADR 42): Patroni members in one StatefulSet, one per node, with
 * synchronous replication, behind PgBouncer. {@code storageClass} null means the cluster's default.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"members", "storageSize", "storageClass"})
public record GitlabPostgresSpec(Integer members, String storageSize, String storageClass) {
  /** Three: a synchronous standby for the leader and one more, so losing any one member keeps commits acknowledged. */
  public static final int DEFAULT_MEMBERS = 3;
  public static final int MAX_MEMBERS = 7;
  public static final String DEFAULT_STORAGE_SIZE = "20Gi";

  static GitlabPostgresSpec withDefaults(GitlabPostgresSpec p) {
    GitlabPostgresSpec q = p == null ? new GitlabPostgresSpec(null, null, null) : p;
    return new GitlabPostgresSpec(q.members() == null ? DEFAULT_MEMBERS : q.members(),
        q.storageSize() == null ? DEFAULT_STORAGE_SIZE : q.storageSize(), q.storageClass());
  }
}
