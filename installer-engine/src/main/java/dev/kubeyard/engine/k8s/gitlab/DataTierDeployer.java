package dev.kubeyard.engine.k8s.gitlab;

import static dev.kubeyard.engine.k8s.ObjectApi.integer;
import static dev.kubeyard.engine.k8s.ObjectApi.obj;
import static dev.kubeyard.engine.k8s.ObjectApi.podReady;

import com.google.gson.JsonObject;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.gitlab.postgres.PostgresDeployment;
import dev.kubeyard.engine.apps.gitlab.postgres.PostgresManifests;
import dev.kubeyard.engine.apps.gitlab.postgres.PostgresSecrets;
import dev.kubeyard.engine.apps.gitlab.redis.RedisDeployment;
import dev.kubeyard.engine.apps.gitlab.redis.RedisManifests;
import dev.kubeyard.engine.apps.gitlab.redis.RedisSecrets;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.GitlabPostgres;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.Kubeconfigs;
import dev.kubeyard.engine.k8s.ObjectApi;
import dev.kubeyard.engine.pki.PkiMaterial;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.dynamic.Dynamics;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code kubeyard gitlab deploy}: GitLab's data tier onto the cluster, PostgreSQL (ADR 42) then Redis with
 * its Sentinels (ADR 43). The server certificate comes from the plan's PKI; the passwords are generated
 * here and created only when absent (a new one under running pods would lock Patroni, the replicas and
 * the Sentinels out), never printed or logged.
 */
public final class DataTierDeployer {
  private static final String KEPT = "its password is kept (a new one would lock the running pods out)";
  private final ObjectApi objects;

  public DataTierDeployer(ApiClient client) {
    this.objects = new ObjectApi(client, "use a kubeconfig whose user may manage GitLab's namespace");
  }

  public static DataTierDeployer fromKubeconfig(Path kubeconfig) {
    return new DataTierDeployer(Kubeconfigs.client(kubeconfig, Duration.ofSeconds(30),
        "choose the admin.kubeconfig that `kubeyard plan` wrote"));
  }

  /** Creates or updates every object, in order: the namespace, PostgreSQL's Secrets and objects, Redis's. */
  public List<AppliedObject> deploy(ClusterFacts facts, PkiMaterial pki, SecureRandom random,
      Consumer<AppliedObject> progress) {
    PostgresDeployment pg = PostgresDeployment.of(facts);
    RedisDeployment redis = RedisDeployment.of(facts);
    List<Manifest> postgres = PostgresManifests.render(pg);
    List<AppliedObject> applied = new ArrayList<>();
    Consumer<AppliedObject> record = a -> {
      applied.add(a);
      progress.accept(a);
    };
    record.accept(objects.apply(object(postgres.get(0)))); // the namespace, before its Secrets
    record.accept(objects.apply(object(PostgresSecrets.tls(pg, pki))));
    for (String secret : PostgresSecrets.passwordSecrets()) {
      record.accept(objects.createIfAbsent(object(PostgresSecrets.password(pg, secret, random)), KEPT));
    }
    postgres.subList(1, postgres.size()).forEach(m -> record.accept(objects.apply(object(m))));
    if (facts.runsGitlabRedis()) {
      record.accept(objects.createIfAbsent(object(RedisSecrets.password(redis, random)), KEPT));
      RedisManifests.render(redis).forEach(m -> record.accept(objects.apply(object(m))));
    }
    return applied;
  }

  /** What runs: Patroni's members and leader, PgBouncer, Redis and the Sentinels. */
  public DataTierStatus status(ClusterFacts facts) {
    GitlabPostgres pg = facts.gitlabPostgres().orElseThrow(() -> new IllegalArgumentException(
        "the spec runs no GitLab PostgreSQL of Kubeyard's (postgresHost is set, or GitLab is off)"));
    String ns = pg.namespace();
    ListOptions byMembers = new ListOptions();
    byMembers.setLabelSelector(PostgresDeployment.memberSelector());
    KubernetesApiResponse<DynamicKubernetesListObject> pods = objects.call(
        () -> objects.api("v1", "Pod").list(ns, byMembers), "list", "PostgreSQL's pods in " + ns);
    List<DataTierStatus.Member> members = new ArrayList<>();
    String leader = "";
    if (pods.isSuccess()) {
      for (DynamicKubernetesObject p : pods.getObject().getItems()) {
        JsonObject labels = obj(obj(p.getRaw(), "metadata"), "labels");
        String role = labels.has(PostgresDeployment.ROLE_LABEL) ? labels.get(PostgresDeployment.ROLE_LABEL).getAsString()
            : "";
        String name = p.getMetadata().getName();
        members.add(new DataTierStatus.Member(name, role, podReady(p.getRaw())));
        if (role.equals(PostgresDeployment.PRIMARY_ROLE)) {
          leader = name;
        }
      }
    }
    int[] pgbouncer = readiness("apps/v1", "Deployment", ns, GitlabPostgres.PGBOUNCER);
    int[] redis = readiness("apps/v1", "StatefulSet", ns, RedisDeployment.REDIS);
    int[] sentinels = readiness("apps/v1", "StatefulSet", ns, RedisDeployment.SENTINEL);
    return new DataTierStatus(ns, members, leader, pgbouncer[0], pgbouncer[1], redis[0], redis[1], sentinels[0],
        sentinels[1]);
  }

  /** Ready and wanted replicas of a workload; 0 of 0 when it does not exist. */
  private int[] readiness(String apiVersion, String kind, String ns, String name) {
    KubernetesApiResponse<DynamicKubernetesObject> r = objects.get(apiVersion, kind, ns, name);
    if (!r.isSuccess()) {
      return new int[] {0, 0};
    }
    JsonObject raw = r.getObject().getRaw();
    return new int[] {integer(obj(raw, "status"), "readyReplicas"), integer(obj(raw, "spec"), "replicas")};
  }

  private static DynamicKubernetesObject object(Manifest m) {
    return Dynamics.newFromYaml(m.yaml());
  }
}
