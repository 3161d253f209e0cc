package dev.kubeyard.engine.apps.gitlab.tier;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.GitlabImages;
import dev.kubeyard.model.spec.GitlabSpec;
import dev.kubeyard.model.version.KubernetesVersion;

/**
 * What GitLab's own tier is rendered from (ADR 44), derived once from the cluster facts. The data tier
 * (PostgreSQL behind PgBouncer, ADR 42; Redis with Sentinel, ADR 43) lives in the same namespace under the
 * agreed names below; object storage (ADR 45) is reached at {@code objectStorageEndpoint}, a parameter
 * until that ADR decides the store.
 *
 * @param shellReplicas gitlab-shell's replicas: 2, so one node's loss or drain keeps SSH up
 * @param sshPort the port users' git clients reach SSH at (GitLab prints it in clone URLs)
 */
public record GitlabTier(
    String namespace,
    KubernetesVersion kubernetes,
    String clusterDomain,
    String host,
    String version,
    GitlabImages images,
    int webserviceReplicas,
    int sidekiqReplicas,
    int shellReplicas,
    String objectStorageEndpoint,
    String gitalyStorageSize,
    int sshPort) {

  /** The agreed names of the data tier (ADR 42, 43, 45), in this namespace. */
  public static final String PGBOUNCER_SERVICE = "gitlab-pgbouncer";
  public static final int PGBOUNCER_PORT = 6432;
  public static final String DATABASE = "gitlabhq_production";
  public static final String DATABASE_USER = "gitlab";
  public static final String POSTGRES_PASSWORD_SECRET = "gitlab-postgres-password";
  public static final String POSTGRES_CA_CONFIGMAP = "gitlab-postgres-ca";
  public static final String SENTINEL_SERVICE = "gitlab-redis-sentinel";
  public static final int SENTINEL_PORT = 26379;
  public static final String REDIS_MASTER_NAME = "gitlab-redis";
  public static final String REDIS_PASSWORD_SECRET = "gitlab-redis-password";
  public static final String OBJECT_STORAGE_SECRET = "gitlab-object-storage";
  /** The key of the password in the data tier's password Secrets. */
  public static final String PASSWORD_KEY = "password";

  /** GitLab's ports: Puma, Workhorse, Sidekiq's health checks, Gitaly, gitlab-sshd and its probe listener. */
  public static final int PUMA_PORT = 8080;
  public static final int WORKHORSE_PORT = 8181;
  public static final int SIDEKIQ_HEALTH_PORT = 3807;
  public static final int GITALY_PORT = 8075;
  public static final int SSHD_PORT = 2222;
  public static final int SSHD_PROBE_PORT = 9122;
  /** The git user of every CNG image. */
  public static final int GIT_USER = 1000;

  public static GitlabTier of(ClusterFacts facts, String objectStorageEndpoint) {
    GitlabSpec g = facts.apps() == null ? null : facts.apps().gitlab();
    if (g == null || Boolean.FALSE.equals(g.enabled())) {
      throw new IllegalArgumentException("the spec has no enabled apps.gitlab section");
    }
    return new GitlabTier(g.namespace(), facts.version(), facts.clusterDomain(), g.host(), g.version(), g.images(),
        g.webserviceReplicas(), g.sidekiqReplicas(), 2, objectStorageEndpoint, "50Gi", 22);
  }

  /** A Service's name within the cluster: {@code <name>.<namespace>.svc.<domain>}, as TLS names it. */
  public String service(String name) {
    return name + "." + namespace + ".svc." + clusterDomain;
  }

  /** The one Gitaly pod, addressed through the StatefulSet's headless Service. */
  public String gitalyAddress() {
    return "tcp://" + TierNames.GITALY + "-0." + service(TierNames.GITALY) + ":" + GITALY_PORT;
  }

  /** Workhorse, the entry for gitlab-shell's and Gitaly's internal API calls. */
  public String internalApiUrl() {
    return "http://" + service(TierNames.WEBSERVICE) + ":" + WORKHORSE_PORT;
  }

  /** Jobs are immutable: a new version is a new Job, named after it (17.11.0 → gitlab-migrations-17-11-0). */
  public String migrationsJob() {
    return TierNames.MIGRATIONS + "-" + version.replace('.', '-');
  }
}
