package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.build.PostgresImage;
import dev.kubeyard.engine.bundle.build.RedisImage;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GitLab's data tier on the real lab cluster, deployed as an administrator would, with {@code kubeyard gitlab
 * deploy}: PostgreSQL (ADR 42) with three Patroni members from the bundle's image on the three workers and
 * PgBouncer in front, and Redis with its Sentinels (ADR 43; its failover is GitlabRedisOnTheLabTest's).
 * {@code kubeyard gitlab status} reports it healthy, and a second deploy keeps the generated passwords.
 * Then PostgreSQL under a writing client that counts: a writer pod inserts one row per
 * connection through PgBouncer (TLS, verify-full) and logs each acknowledged commit. The leader's pod is
 * deleted: a new leader, the primary Service and PgBouncer follow, every acknowledged row is on the new
 * leader, the failed-write window is measured, and the old leader's pod comes back as a streaming replica.
 * Runs on the lab 'es' that {@link ElasticsearchOnTheLabClusterTest} keeps (or one brought up with
 * {@code kubeyard lab up --name es --subnet 10.213.56 --workers 3} and applied). Not done here: cutting a
 * node's link, a base backup restored into a new cluster.
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitlabPostgresOnTheLabTest {
  private static final String NS = LabPostgres.NAMESPACE;
  private static final String MEMBERS = "cluster-name=gitlab-postgres";
  private static final long MINUTE = 60_000;
  private static Lab lab;
  private static Kubectl kubectl;
  @RegisterExtension
  static final LabDiagnostics DIAGNOSTICS = new LabDiagnostics(() -> kubectl, NS);
  private static ClusterFacts facts;
  private static Path spec;
  private static Path kubeconfig;
  private static LabSession.Cli firstDeploy;

  @BeforeAll
  static void theEsLabWithGitlabsPostgresqlDeployed() throws Exception {
    Optional<Path> built = BundleCache.fromEnvironment().latestBundle();
    assumeTrue(built.isPresent(), "no offline bundle built on this machine (tools/build-bundle.sh makes one)");
    assumeTrue(Proc.available("systemd-nspawn"), "needs systemd-container (lab/run-e2e.sh installs it)");
    lab = new Lab(Lab.HOME, LabTopology.standard("es", "10.213.56").withWorker("node3"), Lab.MIRROR);
    Path planDir = lab.dir().resolve("kubeyard-plan");
    assumeTrue(Files.exists(planDir.resolve("admin.kubeconfig")), "no installed lab 'es' (run after"
        + " ElasticsearchOnTheLabClusterTest with -Dkubeyard.eslab.keep=true, as lab/run-e2e.sh does)");
    lab.up(System.out::println); // reuses the machines the Elasticsearch test kept
    kubeconfig = planDir.resolve("admin.kubeconfig");
    kubectl = new Kubectl(built.get(), kubeconfig);
    spec = lab.dir().resolve("cluster-with-gitlab-postgres.yaml");
    Files.writeString(spec, withGitlab(Files.readString(newestSpec())));
    facts = ClusterFacts.of(Validator.load(spec).spec());
    // issues gitlab-postgres-tls; the CA keys open with the tests' passphrase when a lab test installed the
    // lab (CI), with the lab's own file when `kubeyard apply` did
    Path labFile = lab.dir().resolve(PkiPassphrase.LAB_FILE);
    try {
      ClusterPki.ensure(facts, planDir.resolve("pki"), Clock.systemUTC());
    } catch (dev.kubeyard.engine.pki.PkiException e) {
      if (!Files.exists(labFile)) {
        throw e;
      }
      ClusterPki.ensure(facts, planDir.resolve("pki"), Clock.systemUTC(), PkiPassphrase.file(labFile));
    }

    PostgresImage.Built image = new PostgresImage(BundleCache.fromEnvironment(), System.out::println).build();
    LabPostgres.removePrevious(kubectl);
    Path redisTar = built.get().resolve("images/" + RedisImage.COMPONENT + "-" + RedisImage.VERSION + "-linux-amd64.tar");
    for (String node : LabElasticsearch.WORKERS) {
      try (JschTransport ssh = LabSession.ssh(lab, node)) {
        LabElasticsearch.importImage(ssh, image.tar(), PostgresImage.reference(), java.time.Duration.ofMinutes(5));
        LabElasticsearch.importImage(ssh, redisTar, RedisImage.reference(), java.time.Duration.ofMinutes(5));
        LabPostgres.prepareFolder(ssh);
      }
    }
    LabPostgres.createVolumes(kubectl, LabElasticsearch.WORKERS, "2Gi");
    // what an administrator runs: the data tier's Secrets (passwords generated, PostgreSQL's certificate from the
    // plan's PKI) and every object of PostgreSQL and Redis
    long t = System.nanoTime();
    firstDeploy = LabSession.cli("gitlab", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString(),
        "--plan-dir", planDir.toString());
    assertThat(firstDeploy.exit()).as(firstDeploy.output()).isZero();
    await("a leader with a synchronous and a second streaming replica", 8 * MINUTE,
        () -> leader() != null && replication(leader()).equals("1|2"));
    await("PgBouncer 2/2 ready", 5 * MINUTE, () -> kubectl.run("-n", NS, "get", "deployment", "gitlab-pgbouncer", "-o",
        "jsonpath={.status.readyReplicas}").output().strip().equals("2"));
    System.out.printf("GitLab PostgreSQL up: leader %s, 1 sync + 1 async standby, PgBouncer 2/2, %.1f s%n", leader(),
        (System.nanoTime() - t) / 1e9);
  }

  /** The spec the tests before left (Elasticsearch's, the gateway's), else the lab's own. */
  private static Path newestSpec() {
    for (String name : List.of("cluster-with-gateway.yaml", "cluster-with-elasticsearch.yaml", "cluster.yaml")) {
      if (Files.exists(lab.dir().resolve(name))) {
        return lab.dir().resolve(name);
      }
    }
    throw new IllegalStateException("no cluster.yaml in " + lab.dir());
  }

  private static String withGitlab(String spec) {
    String gitlab = """
          gitlab:
            enabled: true
            host: gitlab.es.lab.test
            postgres: {members: 3, storageSize: 2Gi, storageClass: %s}
        """.formatted(LabPostgres.STORAGE_CLASS) + Specs.gitlabStandInImages(4);
    return spec.contains("\napps:\n") ? spec.replace("\napps:\n", "\napps:\n" + gitlab) : spec + "apps:\n" + gitlab;
  }

  /**
   * `kubeyard gitlab status` reads the whole data tier once Redis is up beside PostgreSQL, and a second
   * `gitlab deploy` creates nothing again and keeps the generated passwords (a new password would
   * lock GitLab out of its own databases).
   */
  @Test
  @Order(1)
  void gitlabStatusReportsTheDataTierHealthyAndASecondDeployChangesNothing() throws Exception {
    String before = passwords();
    LabSession.Cli[] status = new LabSession.Cli[1];
    await("`kubeyard gitlab status` to exit 0 (Redis and its Sentinels ready too)", 5 * MINUTE, () -> {
      status[0] = LabSession.cli("gitlab", "status", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
      return status[0].exit() == 0;
    });
    assertThat(status[0].output()).contains("PostgreSQL: 3/3 members ready, leader " + leader(), "PgBouncer: 2/2 ready",
        "Redis: 3/3 ready, Sentinels 3/3 ready");
    LabSession.Cli again = LabSession.cli("gitlab", "deploy", "-f", spec.toString(), "--kubeconfig",
        kubeconfig.toString(), "--plan-dir", kubeconfig.getParent().toString());
    assertThat(again.exit()).as(again.output()).isZero();
    System.out.println("first deploy:\n" + firstDeploy.output() + "second deploy:\n" + again.output());
    assertThat(passwords()).as("the generated passwords, after a second deploy").isEqualTo(before);
    assertThat(again.output().lines().filter(l -> l.contains("created")).toList()).as("objects created again").isEmpty();
  }

  @Test
  @Order(2)
  void deletingTheLeadersPodLosesNoAcknowledgedCommitAndTheOldLeaderRejoinsAsAReplica() throws Exception {
    String old = leader();
    psqlOn(old, "gitlabhq_production", "CREATE TABLE IF NOT EXISTS acked(n int PRIMARY KEY, at timestamptz DEFAULT now());"
        + " ALTER TABLE acked OWNER TO gitlab; TRUNCATE acked");
    kubectl.apply(writerPod());
    await("the writer's first 30 acknowledged commits", 3 * MINUTE, () -> writerLog().stream().filter(l -> l.startsWith("ok ")).count() >= 30);

    double deleted = now();
    kubectl.ok("-n", NS, "delete", "pod", old, "--wait=false");
    await("a new leader", 2 * MINUTE, () -> leader() != null && !leader().equals(old));
    String leader = leader();
    double elected = now();
    String leaderIp = kubectl.ok("-n", NS, "get", "pod", leader, "-o", "jsonpath={.status.podIP}");
    await("the primary Service on the new leader", MINUTE, () -> primaryEndpoints().equals(leaderIp));
    double serviceFollowed = now();
    await("30 acknowledged commits through PgBouncer after the failover", 3 * MINUTE,
        () -> writerLog().stream().filter(l -> l.startsWith("ok ")).filter(l -> Double.parseDouble(l.split(" ")[3]) > elected)
            .count() >= 30);
    await("the old leader back as a replica, both standbys streaming", 5 * MINUTE,
        () -> "replica".equals(role(old)) && replication(leader).equals("1|2"));
    double rejoined = now();

    kubectl.ok("-n", NS, "exec", "pg-writer", "--", "touch", "/tmp/stop");
    await("the writer to stop", MINUTE, () -> "Succeeded".equals(
        kubectl.run("-n", NS, "get", "pod", "pg-writer", "-o", "jsonpath={.status.phase}").output().strip()));
    List<String> log = writerLog();
    Set<Integer> acknowledged = new HashSet<>();
    List<double[]> failed = new ArrayList<>();
    List<double[]> ok = new ArrayList<>();
    for (String line : log) {
      String[] f = line.split(" ");
      if (f[0].equals("ok")) {
        acknowledged.add(Integer.parseInt(f[1]));
        ok.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
      } else if (f[0].equals("fail")) {
        failed.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
      }
    }
    Set<Integer> stored = new HashSet<>();
    psqlOn(leader, "gitlabhq_production", "SELECT n FROM acked").lines().forEach(n -> stored.add(Integer.parseInt(n.strip())));
    Set<Integer> lost = new HashSet<>(acknowledged);
    lost.removeAll(stored);
    double firstFail = failed.stream().mapToDouble(x -> x[0]).min().orElse(Double.NaN);
    double lastFailStart = failed.stream().mapToDouble(x -> x[0]).max().orElse(Double.NaN);
    double lastOkBefore = ok.stream().mapToDouble(o -> o[1]).filter(e -> e <= firstFail).max().orElse(Double.NaN);
    double firstOkAfter = ok.stream().filter(o -> o[0] >= lastFailStart).mapToDouble(o -> o[1]).min().orElse(Double.NaN);
    double[] ends = ok.stream().mapToDouble(o -> o[1]).sorted().toArray();
    double longestGap = 0;
    for (int k = 1; k < ends.length; k++) {
      longestGap = Math.max(longestGap, ends[k] - ends[k - 1]);
    }
    System.out.printf("failover of GitLab's PostgreSQL (leader %s's pod deleted, %s elected):%n", old, leader);
    System.out.printf("  new leader labelled after %.1f s, primary Service on it after %.1f s, old leader streaming"
        + " again after %.1f s%n", elected - deleted, serviceFollowed - deleted, rejoined - deleted);
    String failures = failed.isEmpty() ? "0 failed (the writers waited in PgBouncer for the new leader)"
        : String.format(java.util.Locale.ROOT, "%d failed, the first %.1f s after the delete; failed-write window %.1f s"
            + " (last commit before the first failure to the first after the last one)", failed.size(),
            firstFail - deleted, firstOkAfter - lastOkBefore);
    System.out.printf(java.util.Locale.ROOT, "  writes through PgBouncer: %d acknowledged, %s; longest time without an"
        + " acknowledged commit %.1f s; acknowledged commits lost: %d%n", acknowledged.size(), failures, longestGap,
        lost.size());
    assertThat(lost).as("acknowledged commits missing on the new leader").isEmpty();
    assertThat(leader).isNotEqualTo(old);
    assertThat(failed.isEmpty() || !Double.isNaN(firstOkAfter)).as("commits after the last failure").isTrue();
    assertThat(role(old)).isEqualTo("replica");
  }

  /** The data tier's password Secrets' data, to compare across deploys. */
  private static String passwords() {
    return kubectl.ok("-n", NS, "get", "secrets", "-o",
        "jsonpath={range .items[?(@.type==\"Opaque\")]}{.metadata.name}={.data}{\"\\n\"}{end}");
  }

  /** The one member labelled primary that is not being deleted (the deleted leader keeps its label a while), or null. */
  private static String leader() {
    List<String> names = kubectl.run("-n", NS, "get", "pods", "-l", MEMBERS + ",role=primary", "--no-headers", "-o",
        "custom-columns=NAME:.metadata.name,DELETED:.metadata.deletionTimestamp").output().lines()
        .map(l -> l.strip().split("\\s+")).filter(f -> f.length == 2 && f[1].equals("<none>")).map(f -> f[0]).toList();
    return names.size() == 1 ? names.get(0) : null;
  }

  /** The ready addresses behind the primary Service (kubectl's deprecation warning for v1 Endpoints left out). */
  private static String primaryEndpoints() {
    return kubectl.run("-n", NS, "get", "endpoints", "gitlab-postgres-primary", "-o",
        "jsonpath={.subsets[*].addresses[*].ip}").output().lines().filter(l -> !l.startsWith("Warning:"))
        .collect(java.util.stream.Collectors.joining(" ")).strip();
  }

  private static String role(String pod) {
    return kubectl.run("-n", NS, "get", "pod", pod, "-o", "jsonpath={.metadata.labels.role}").output().strip();
  }

  /** "sync|all" standbys streaming from {@code leader}, or "" while it cannot answer. */
  private static String replication(String leader) {
    Proc.Result r = kubectl.run("-n", NS, "exec", leader, "-c", "patroni", "--", "psql", "-h", "/tmp", "-U", "postgres",
        "-XAtc", "SELECT count(*) FILTER (WHERE sync_state = 'sync'), count(*) FROM pg_stat_replication WHERE state = 'streaming'");
    return r.exit() == 0 ? r.output().strip() : "";
  }

  private static String psqlOn(String pod, String db, String sql) {
    return kubectl.ok("-n", NS, "exec", pod, "-c", "patroni", "--", "psql", "-h", "/tmp", "-U", "postgres", "-d", db,
        "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql);
  }

  private static List<String> writerLog() {
    return kubectl.run("-n", NS, "logs", "pg-writer").output().lines().toList();
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  private static void await(String what, long millis, BooleanSupplier done) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        System.out.println(kubectl.run("-n", NS, "get", "pods,endpoints", "-o", "wide", "--show-labels").output());
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

  /**
   * One INSERT per connection through PgBouncer (TLS, the server's name verified against the cluster CA), each
   * line "ok N start end" only once psql has the commit's RETURNING row, "fail N start end error" otherwise.
   * Lab machines share this machine's clock, so the times compare with the test's.
   */
  private static String writerPod() {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: pg-writer, namespace: %s, labels: {app.kubernetes.io/name: pg-writer}}
        spec:
          restartPolicy: Never
          automountServiceAccountToken: false
          securityContext: {runAsNonRoot: true, runAsUser: 999, fsGroup: 999, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: writer
            image: %s
            imagePullPolicy: Never
            env: [{name: PGPASSWORD, valueFrom: {secretKeyRef: {name: gitlab-postgres-password, key: password}}}]
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
            volumeMounts: [{name: tls, mountPath: /etc/postgresql-tls, readOnly: true}]
            command:
            - /bin/bash
            - -c
            - |
              conn="host=gitlab-pgbouncer port=6432 dbname=gitlabhq_production user=gitlab sslmode=verify-full sslrootcert=/etc/postgresql-tls/ca.crt connect_timeout=3"
              i=0
              while [ ! -e /tmp/stop ]; do
                i=$((i+1)); t0=$EPOCHREALTIME
                if out=$(psql "$conn" -XAtq -v ON_ERROR_STOP=1 -c "INSERT INTO acked(n) VALUES ($i) RETURNING n" 2>&1) && [ "$out" = "$i" ]; then
                  echo "ok $i $t0 $EPOCHREALTIME"
                else
                  echo "fail $i $t0 $EPOCHREALTIME ${out//[$'\\n']/ }"
                  sleep 0.1
                fi
              done
          volumes: [{name: tls, secret: {secretName: gitlab-postgres-tls, defaultMode: 0400}}]
        """.formatted(NS, PostgresImage.reference());
  }
}
