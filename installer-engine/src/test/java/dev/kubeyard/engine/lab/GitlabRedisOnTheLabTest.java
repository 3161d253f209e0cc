package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.AppNamespace;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.gitlab.redis.RedisDeployment;
import dev.kubeyard.engine.apps.gitlab.redis.RedisManifests;
import dev.kubeyard.engine.apps.gitlab.redis.RedisSecrets;
import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.build.RedisImage;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GitLab's Redis with Sentinel (ADR 43) really failing over on the lab: 3 Redis and 3 Sentinels from the
 * bundle's image kubeyard.local/redis:7.0.15 on the three workers of the lab 'es' (which
 * ElasticsearchOnTheLabClusterTest keeps; lab/run-e2e.sh runs this after it), a writer pod configured with
 * the Sentinels only ({@link RedisWriter}: redis-cli in a loop, not GitLab), the master's pod killed. The
 * Sentinels promote a replica, the writer finds it, the old master comes back as a replica of the new one;
 * the promotion's seconds, the writer's window and failed writes, and acknowledged writes lost are printed.
 * The image reaches the workers as LabElasticsearch imports Elasticsearch's (the plan does not yet import
 * it when the spec enables GitLab).
 */
@Tag("lab")
class GitlabRedisOnTheLabTest {
  private static final List<String> WORKERS = List.of("node1", "node2", "node3");
  private static Lab lab;
  private static Kubectl kubectl;
  @RegisterExtension
  static final LabDiagnostics DIAGNOSTICS = new LabDiagnostics(() -> kubectl, LabPostgres.NAMESPACE);
  private static RedisDeployment d;

  @BeforeAll
  static void theKeptLabWithTheRedisImageOnItsWorkers() throws Exception {
    var built = BundleCache.fromEnvironment().latestBundle();
    assumeTrue(built.isPresent(), "no offline bundle built on this machine (tools/build-bundle.sh makes one)");
    assumeTrue(Proc.available("systemd-nspawn"), "needs systemd-container (lab/run-e2e.sh installs it)");
    Path bundle = built.get();
    Path tar = bundle.resolve("images/" + RedisImage.COMPONENT + "-" + RedisImage.VERSION + "-linux-amd64.tar");
    assumeTrue(Files.isRegularFile(tar), "the bundle has no " + tar.getFileName() + ": rebuild it (bundle build)");
    lab = new Lab(Lab.HOME, LabTopology.standard("es", "10.213.56").withWorker("node3"), Lab.MIRROR);
    lab.up(System.out::println); // reuses the machines ElasticsearchOnTheLabClusterTest kept
    kubectl = new Kubectl(bundle, lab.dir().resolve("kubeyard-plan/admin.kubeconfig"));
    assertThat(kubectl.run("get", "nodes").exit()).as("the lab's cluster (installed by ElasticsearchOnTheLabClusterTest"
        + " or 'kubeyard apply -f " + lab.specFile() + "')").isZero();
    ClusterFacts facts = ClusterFacts.of(Validator.load(lab.specFile()).spec());
    d = new RedisDeployment("gitlab", facts.version(), facts.clusterDomain(), RedisImage.reference(), 3, 3,
        facts.version().atLeast(15));
    long t = System.nanoTime();
    for (String node : WORKERS) {
      try (JschTransport ssh = LabSession.ssh(lab, node)) {
        LabElasticsearch.importImage(ssh, tar, RedisImage.reference(), Duration.ofMinutes(5));
      }
    }
    System.out.printf("redis image on %d workers: %.1f s%n", WORKERS.size(), (System.nanoTime() - t) / 1e9);
  }

  @Test
  void theSentinelsPromoteAReplicaWhenTheMastersPodIsKilledAndTheWriterFollowsThem() throws Exception {
    deployAndAwaitReady();
    String master = masterPerSentinels(0);
    assertThat(master).as("the first master").isEqualTo(d.redisHost(0));
    assertThat(redisCli(pod(master), "info", "replication")).contains("role:master", "connected_slaves:2");
    assertThat(sentinelCli(0, "sentinel", "sentinels", RedisDeployment.MASTER_NAME)).as("the other Sentinels known")
        .contains(d.sentinelHost(1), d.sentinelHost(2));

    startWriter();
    awaitOkWrites(50, Duration.ofSeconds(60));
    long killedAt = System.currentTimeMillis();
    kubectl.ok("-n", d.namespace(), "delete", "pod", pod(master), "--grace-period=0", "--force");
    String[] promoted = new String[1];
    LabClusterTest.awaitTrue(() -> {
      promoted[0] = masterPerSentinels(1);
      return promoted[0] != null && !promoted[0].equals(master);
    }, Duration.ofSeconds(90));
    double promotion = (System.currentTimeMillis() - killedAt) / 1000.0;
    System.out.printf("master %s killed; the Sentinels name %s after %.1f s%n", pod(master), pod(promoted[0]), promotion);

    int before = okWrites();
    awaitOkWrites(before + 50, Duration.ofSeconds(90));
    String log = kubectl.ok("-n", d.namespace(), "logs", RedisWriter.POD);
    kubectl.run("-n", d.namespace(), "delete", "pod", RedisWriter.POD, "--wait=false");
    RedisWriter.Outcome o = RedisWriter.outcome(RedisWriter.parse(log), killedAt);
    Set<Long> stored = new HashSet<>();
    redisCli(pod(promoted[0]), "lrange", RedisWriter.KEY, "0", "-1").lines().map(String::strip)
        .filter(l -> l.matches("\\d+")).forEach(l -> stored.add(Long.parseLong(l)));
    long lost = o.acknowledgedNumbers().stream().filter(n -> !stored.contains(n)).count();
    System.out.printf("writer: %d acknowledged, %d failed, no acknowledged write for %.1f s (%s -> %s), %d acknowledged"
        + " writes lost%n", o.acknowledged(), o.failed(), o.windowSeconds(), pod(o.masterBefore()),
        pod(o.masterAfter()), lost);
    assertThat(o.masterAfter()).isEqualTo(promoted[0]);
    assertThat(o.windowSeconds()).as("the writer's window").isLessThan(60);
    assertThat(lost).as("acknowledged writes missing on the new master").isZero();

    LabClusterTest.awaitTrue(() -> {
      String info = kubectl.run("-n", d.namespace(), "exec", pod(master), "--", "redis-cli", "--no-auth-warning",
          "info", "replication").output();
      return info.contains("role:slave") && info.contains("master_host:" + promoted[0])
          && info.contains("master_link_status:up");
    }, Duration.ofSeconds(180));
    System.out.printf("%s back as a replica of %s, seen %.1f s after the kill%n", pod(master), pod(promoted[0]),
        (System.currentTimeMillis() - killedAt) / 1000.0);
    System.out.println(kubectl.run("-n", d.namespace(), "logs", pod(master)).output().lines()
        .filter(l -> l.startsWith("starting") || l.startsWith("the Sentinels")).reduce("", (a, b) -> a + b + "\n"));
    awaitReady(RedisDeployment.REDIS, d.replicas(), Duration.ofMinutes(2));
  }

  /** Polls the StatefulSet's ready pods (kubectl's own wait would outlast Proc's 2 minutes); LabDiagnostics shows why not. */
  private static void awaitReady(String statefulSet, int replicas, Duration timeout) throws InterruptedException {
    LabClusterTest.awaitTrue(() -> kubectl.run("-n", d.namespace(), "get", "statefulset", statefulSet, "-o",
        "jsonpath={.status.readyReplicas}").output().strip().equals(String.valueOf(replicas)), timeout);
  }

  /** A fresh namespace each run: its namespace, the generated password, the objects. */
  private static void deployAndAwaitReady() throws Exception {
    kubectl.ok("delete", "namespace", d.namespace(), "--ignore-not-found", "--wait=true", "--timeout=180s");
    ObjectNode labels = JsonNodeFactory.instance.objectNode().put("app.kubernetes.io/part-of", "gitlab");
    kubectl.apply(new Manifest("namespace.yaml", AppNamespace.of(d.namespace(), labels, PodSecurityLevel.RESTRICTED,
        d.kubernetes())).yaml());
    kubectl.apply(RedisSecrets.password(d, new SecureRandom()).yaml());
    long t = System.nanoTime();
    for (Manifest m : RedisManifests.render(d)) {
      kubectl.apply(m.yaml());
    }
    awaitReady(RedisDeployment.REDIS, d.replicas(), Duration.ofMinutes(4));
    awaitReady(RedisDeployment.SENTINEL, d.sentinels(), Duration.ofMinutes(2));
    System.out.printf("3 Redis and 3 Sentinels ready: %.1f s%n", (System.nanoTime() - t) / 1e9);
    LabClusterTest.awaitTrue(() -> {
      String m = masterPerSentinels(0);
      return m != null && redisCli(pod(m), "info", "replication").contains("connected_slaves:2");
    }, Duration.ofSeconds(120));
  }

  /** The master Sentinel {@code ordinal} names, or null. */
  private static String masterPerSentinels(int ordinal) {
    String out = sentinelCli(ordinal, "sentinel", "get-master-addr-by-name", RedisDeployment.MASTER_NAME);
    String first = out.lines().findFirst().orElse("").strip();
    return d.redisHosts().contains(first) ? first : null;
  }

  private static String sentinelCli(int ordinal, String... args) {
    return exec(RedisDeployment.SENTINEL + "-" + ordinal, "-p", String.valueOf(RedisDeployment.SENTINEL_PORT), args);
  }

  private static String redisCli(String pod, String... args) {
    return exec(pod, "-p", String.valueOf(RedisDeployment.REDIS_PORT), args);
  }

  /** redis-cli in the pod; the password comes from the container's REDISCLI_AUTH, never this command line. */
  private static String exec(String pod, String flag, String port, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("-n", d.namespace(), "exec", pod, "--", "redis-cli",
        "--no-auth-warning", flag, port));
    cmd.addAll(List.of(args));
    return kubectl.run(cmd.toArray(String[]::new)).output();
  }

  private static String pod(String host) {
    return host == null ? "none" : host.substring(0, host.indexOf('.'));
  }

  private static void startWriter() {
    kubectl.run("-n", d.namespace(), "delete", "pod", RedisWriter.POD, "--ignore-not-found", "--wait=true");
    ObjectNode pod = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Pod");
    pod.putObject("metadata").put("name", RedisWriter.POD).put("namespace", d.namespace());
    ObjectNode spec = pod.putObject("spec").put("restartPolicy", "Never").put("automountServiceAccountToken", false);
    spec.putObject("securityContext").put("runAsNonRoot", true).put("runAsUser", RedisImage.USER)
        .putObject("seccompProfile").put("type", "RuntimeDefault");
    ObjectNode c = spec.putArray("containers").addObject().put("name", "writer").put("image", d.image())
        .put("imagePullPolicy", "IfNotPresent");
    c.putArray("command").add("/bin/sh").add("-c").add(RedisWriter.script(d));
    c.putArray("env").addObject().put("name", "REDISCLI_AUTH").putObject("valueFrom").putObject("secretKeyRef")
        .put("name", RedisDeployment.PASSWORD_SECRET).put("key", RedisDeployment.PASSWORD_KEY);
    ObjectNode security = c.putObject("securityContext").put("allowPrivilegeEscalation", false);
    security.putObject("capabilities").putArray("drop").add("ALL");
    kubectl.apply(pod.toString());
    kubectl.ok("-n", d.namespace(), "wait", "--for=condition=Ready", "pod/" + RedisWriter.POD, "--timeout=120s");
  }

  private static int okWrites() {
    String log = kubectl.run("-n", d.namespace(), "logs", RedisWriter.POD).output();
    return (int) RedisWriter.parse(log).stream().filter(RedisWriter.Write::ok).count();
  }

  private static void awaitOkWrites(int count, Duration timeout) throws InterruptedException {
    LabClusterTest.awaitTrue(() -> okWrites() >= count, timeout);
  }
}
