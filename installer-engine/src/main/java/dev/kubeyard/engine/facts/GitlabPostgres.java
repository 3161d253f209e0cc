package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.GitlabPostgresSpec;
import dev.kubeyard.model.spec.GitlabSpec;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The names of GitLab's PostgreSQL objects (ADR 42), shared by its manifests and its certificate. Patroni's
 * scope is {@link #NAME}: its leader Endpoints object has that name, the StatefulSet too; its pods are
 * {@code gitlab-postgres-<n>}, addressed through the headless Service {@code gitlab-postgres-members}.
 */
public record GitlabPostgres(String namespace, int members, String storageSize, String storageClass) {
  public static final String NAME = "gitlab-postgres";
  public static final String PRIMARY = NAME + "-primary";
  public static final String REPLICAS = NAME + "-replicas";
  public static final String MEMBERS = NAME + "-members";
  public static final String PGBOUNCER = "gitlab-pgbouncer";
  public static final String DATABASE = "gitlabhq_production";
  public static final String USER = "gitlab";
  public static final int PORT = 5432;
  public static final int PGBOUNCER_PORT = 6432;
  /** Patroni's REST API: the probes and the members' own leader checks. */
  public static final int PATRONI_PORT = 8008;

  /** GitLab's PostgreSQL run by Kubeyard: GitLab enabled and no external postgresHost. */
  static java.util.Optional<GitlabPostgres> of(GitlabSpec g) {
    if (g == null || Boolean.FALSE.equals(g.enabled()) || g.postgresHost() != null || g.postgres() == null) {
      return java.util.Optional.empty();
    }
    GitlabPostgresSpec p = g.postgres();
    return java.util.Optional.of(new GitlabPostgres(g.namespace(), p.members(), p.storageSize(), p.storageClass()));
  }

  public String pod(int ordinal) {
    return NAME + "-" + ordinal;
  }

  public List<String> pods() {
    return IntStream.range(0, members).mapToObj(this::pod).toList();
  }

  /** Every Service a client may name: the primary, the replicas and PgBouncer (which presents the same certificate). */
  public List<String> clientServices() {
    return List.of(PRIMARY, REPLICAS, PGBOUNCER);
  }
}
