package dev.kubeyard.engine.apps.gitlab.postgres;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.GitlabPostgres;
import dev.kubeyard.model.version.KubernetesVersion;

/**
 * What GitLab's PostgreSQL manifests are rendered from (ADR 42), derived once from the cluster facts.
 *
 * @param pg the names and sizes from apps.gitlab.postgres
 * @param image the image the members and PgBouncer run (the bundle's, {@link #IMAGE}, unless a test names another)
 */
public record PostgresDeployment(GitlabPostgres pg, KubernetesVersion kubernetes, String clusterDomain, String image) {
  /** The bundle's image (bundle.build.PostgresImage builds it under this name). */
  public static final String IMAGE = "kubeyard.local/gitlab-postgres:17";
  /** The key of the password in each password Secret. */
  public static final String PASSWORD_KEY = "password";
  public static final String GITLAB_PASSWORD_SECRET = "gitlab-postgres-password";
  public static final String SUPERUSER_SECRET = "gitlab-postgres-superuser";
  public static final String REPLICATION_SECRET = "gitlab-postgres-replication";
  public static final String TLS_SECRET = "gitlab-postgres-tls";
  /** The Patroni members' uid, the image's postgres user. */
  public static final int UID = 999;

  /** Patroni's role label on the members' pods: {@value #PRIMARY_ROLE} on the leader's. */
  public static final String ROLE_LABEL = PostgresLabels.ROLE;
  public static final String PRIMARY_ROLE = PostgresLabels.PRIMARY;


  /** The label selector of the Patroni members' pods, for a status read. */
  public static String memberSelector() {
    StringBuilder b = new StringBuilder();
    PostgresLabels.members().fields().forEachRemaining(e -> b.append(b.isEmpty() ? "" : ",").append(e.getKey())
        .append('=').append(e.getValue().asText()));
    return b.toString();
  }

  public static PostgresDeployment of(ClusterFacts facts) {
    GitlabPostgres pg = facts.gitlabPostgres().orElseThrow(() -> new IllegalArgumentException(
        "the spec has no enabled apps.gitlab section with Kubeyard's PostgreSQL (postgresHost is set, or GitLab is off)"));
    return new PostgresDeployment(pg, facts.version(), facts.clusterDomain(), IMAGE);
  }

  public String namespace() {
    return pg.namespace();
  }

  /** A Service's full DNS name in the cluster. */
  public String fqdn(String service) {
    return service + "." + namespace() + ".svc." + clusterDomain;
  }
}
