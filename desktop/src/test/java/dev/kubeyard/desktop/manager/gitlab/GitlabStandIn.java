package dev.kubeyard.desktop.manager.gitlab;

import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.gitlab.postgres.PostgresDeployment;
import dev.kubeyard.engine.apps.gitlab.postgres.PostgresManifests;
import dev.kubeyard.engine.apps.gitlab.postgres.PostgresSecrets;
import dev.kubeyard.engine.apps.gitlab.redis.RedisDeployment;
import dev.kubeyard.engine.apps.gitlab.redis.RedisManifests;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.GitlabPostgres;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.AppliedObject.Outcome;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import dev.kubeyard.engine.k8s.gitlab.DataTierStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A STAND-IN cluster for the tab's logic: it remembers in memory that the data tier was deployed and
 * answers a status from the engine's real rendering (the objects in the deployer's order, the members the
 * spec wants). The real deployer is DataTierDeployer, run by {@code kubeyard gitlab deploy}.
 */
public final class GitlabStandIn implements GitlabConnection {
  public boolean reachable = true;
  public boolean deployed;
  /** Whether every pod is ready and which member Patroni labels primary (empty: an election). */
  public boolean ready;
  public String leader = "gitlab-postgres-0";
  public int reads;
  /** What the next deploys throw, as the engine's deployer would (a PKI without PostgreSQL's certificate); null: none. */
  public RuntimeException deployFailure;
  /** When set, a deploy waits for it before applying anything (a UI test looks at the tab meanwhile). */
  public volatile java.util.concurrent.CountDownLatch gate;
  /** The pki/ folder each deploy was given; the threads each call ran on. */
  public final List<Path> pkiGiven = new ArrayList<>();
  public final List<String> threads = new ArrayList<>();

  @Override
  public DataTierStatus status(ClusterFacts facts) {
    called();
    reads++;
    GitlabPostgres pg = facts.gitlabPostgres().orElseThrow();
    if (!deployed) {
      return new DataTierStatus(pg.namespace(), List.of(), "", 0, 0, 0, 0, 0, 0);
    }
    List<DataTierStatus.Member> members = pg.pods().stream()
        .map(p -> new DataTierStatus.Member(p, p.equals(leader) ? PostgresDeployment.PRIMARY_ROLE : ready ? "replica" : "",
            ready))
        .toList();
    RedisDeployment redis = RedisDeployment.of(facts);
    int r = ready ? 1 : 0;
    return new DataTierStatus(pg.namespace(), members, leader, 2 * r, 2, redis.replicas() * r, redis.replicas(),
        redis.sentinels() * r, redis.sentinels());
  }

  @Override
  public List<AppliedObject> deploy(ClusterFacts facts, Path pki, Consumer<AppliedObject> progress) {
    called();
    if (deployFailure != null) {
      throw deployFailure;
    }
    awaitGate();
    pkiGiven.add(pki);
    PostgresDeployment pg = PostgresDeployment.of(facts);
    String ns = pg.pg().namespace();
    List<Manifest> postgres = PostgresManifests.render(pg);
    List<AppliedObject> applied = new ArrayList<>();
    Consumer<AppliedObject> record = a -> {
      applied.add(a);
      progress.accept(a);
    };
    record.accept(applied(postgres.get(0), ""));
    record.accept(new AppliedObject("Secret", ns, PostgresDeployment.TLS_SECRET, outcome(), ""));
    PostgresSecrets.passwordSecrets().forEach(s -> record.accept(new AppliedObject("Secret", ns, s,
        deployed ? Outcome.SKIPPED : Outcome.CREATED, deployed ? "its password is kept" : "")));
    postgres.subList(1, postgres.size()).forEach(m -> record.accept(applied(m, ns)));
    record.accept(new AppliedObject("Secret", ns, RedisDeployment.PASSWORD_SECRET, outcome(), ""));
    RedisManifests.render(RedisDeployment.of(facts)).forEach(m -> record.accept(applied(m, ns)));
    deployed = true;
    return applied;
  }

  private void awaitGate() {
    java.util.concurrent.CountDownLatch g = gate;
    try {
      if (g != null && !g.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private AppliedObject applied(Manifest m, String ns) {
    return new AppliedObject(m.kind(), m.kind().equals("Namespace") ? "" : ns, m.name(), outcome(), "");
  }

  private Outcome outcome() {
    return deployed ? Outcome.UPDATED : Outcome.CREATED;
  }

  private void called() {
    threads.add(Thread.currentThread().getName());
    if (!reachable) {
      throw new ClusterStatusException("cannot list PostgreSQL's pods in gitlab at https://10.213.56.10:8443: "
          + "Connection refused", "check that the cluster's API is reachable from here and deploy again", null);
    }
  }
}
