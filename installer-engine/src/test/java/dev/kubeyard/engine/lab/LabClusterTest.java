package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.audit.AuditReport;
import dev.kubeyard.engine.audit.CisAudit;
import dev.kubeyard.engine.audit.CisCatalog;
import dev.kubeyard.engine.audit.Finding;
import dev.kubeyard.engine.audit.Outcome;
import dev.kubeyard.engine.audit.RuntimeProbe;
import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.plan.BundleForPlan;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.engine.run.Executor;
import dev.kubeyard.engine.run.InstallEvent;
import dev.kubeyard.engine.run.InstallListener;
import dev.kubeyard.engine.run.ResetPlan;
import dev.kubeyard.engine.run.RunResult;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTarget;
import dev.kubeyard.engine.transport.SshTransports;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole HA cluster installed for real on the lab (2 LB, 2 masters, 3 etcd, 2 workers as nspawn
 * machines) from the offline bundle, then checked and broken on purpose: nodes Ready through the VIP,
 * pod-to-pod over flannel vxlan, CoreDNS, and failover of haproxy, an apiserver and an etcd member.
 * The install itself first loses a host's network midway and is finished by a re-run. Before the reset, the
 * CIS benchmark items are read on every host and the runtime probe knocks on the closed ports (ADR 36).
 * Tagged "lab" (lab/run-e2e.sh); skipped when no bundle was built on this machine.
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabClusterTest {
  private static final Duration T = Duration.ofSeconds(60);
  /** The Kubernetes line under test: -Dkubeyard.lab.line=1.14 runs the same scenarios on the 1.14 bundle. */
  private static final BundleLine LINE = BundleLine.parse(System.getProperty("kubeyard.lab.line", "current"));
  private static Lab lab;
  private static Path bundle;
  private static ClusterFacts facts;
  private static Kubectl kubectl;

  @BeforeAll
  static void install() throws Exception {
    Optional<Path> built = BundleCache.fromEnvironment().latestBundle(LINE);
    assumeTrue(built.isPresent(), "no offline bundle built on this machine (tools/build-bundle.sh makes one)");
    assumeTrue(Proc.available("systemd-nspawn") && Proc.available("curl"), "needs systemd-container and curl (lab/run-e2e.sh)");
    bundle = built.get();
    lab = LINE == BundleLine.CURRENT ? new Lab(Lab.HOME, LabTopology.standard("e2ek8s", "10.213.53"), Lab.MIRROR)
        : new Lab(Lab.HOME, LabTopology.standard("e2e114", "10.213.59"), Lab.MIRROR, LINE);
    lab.down(line -> { });
    lab.up(System.out::println);
    facts = ClusterFacts.of(Validator.load(lab.specFile()).spec());
    kubectl = new Kubectl(bundle, planDir().resolve("admin.kubeconfig"));
    installWithALinkCutMidway();
  }

  /**
   * The first apply loses node2's network while node2 imports its images (link down in its namespace):
   * the run must fail naming that step on that host; once the link is back, a second apply completes.
   */
  private static void installWithALinkCutMidway() throws Exception {
    LabClusterTest.RecordingListener events = new LabClusterTest.RecordingListener();
    long start = System.nanoTime();
    CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> apply(events, Duration.ofSeconds(300)));
    awaitTrue(() -> events.started("node2", "import-images") || first.isDone(), Duration.ofMinutes(5));
    assertThat(first.isDone()).as("the install reached node2's image import, but ended: %s",
        first.isDone() ? first.join().failures() : "").isFalse();
    String ns = lab.network().hostNamespace("node2");
    RunResult cut;
    try {
      Proc.run(null, "ip", "netns", "exec", ns, "ip", "link", "set", "eth0", "down");
      cut = first.get(10, TimeUnit.MINUTES);
    } finally {
      Proc.run(null, "ip", "netns", "exec", ns, "ip", "link", "set", "eth0", "up");
      Proc.run(null, "ip", "netns", "exec", ns, "ip", "route", "replace", "default", "via", lab.network().gateway());
    }
    System.out.printf("install with node2's link cut: %s after %.1f s, failures %s%n", cut.outcome(),
        (System.nanoTime() - start) / 1e9, cut.failures());
    assertThat(cut.succeeded()).isFalse();
    assertThat(cut.failures()).anySatisfy(f -> {
      assertThat(f.host()).isEqualTo("node2");
      assertThat(f.stepId()).isEqualTo("import-images");
    });
    assertThat(cut.failures()).allSatisfy(f -> assertThat(f.host()).isEqualTo("node2"));
    start = System.nanoTime();
    RunResult r = apply(new RecordingListener(), RunSettings.defaults().commandTimeout());
    System.out.printf("re-run after the link came back: %.1f s, %d steps applied, %d skipped%n",
        (System.nanoTime() - start) / 1e9, r.applied(), r.skipped());
    assertThat(r.failures()).as("the re-run").isEmpty();
    assertThat(r.skipped()).as("the re-run skips what the first run finished").isGreaterThan(10);
  }

  /** Keeps which steps started where. */
  static final class RecordingListener implements InstallListener {
    final List<InstallEvent> all = new CopyOnWriteArrayList<>();

    @Override
    public void on(InstallEvent e) {
      all.add(e);
    }

    boolean started(String host, String step) {
      return all.stream().anyMatch(e -> e instanceof InstallEvent.StepStarted s && s.host().equals(host) && s.stepId().equals(step));
    }
  }

  @AfterAll
  static void down() {
    if (lab != null && !Boolean.getBoolean("kubeyard.lab.keep")) {
      lab.down(line -> { });
    }
  }

  static Path planDir() {
    return lab.dir().resolve("kubeyard-plan");
  }

  static RunResult apply() {
    return apply(new RecordingListener(), RunSettings.defaults().commandTimeout());
  }

  static RunResult apply(InstallListener listener, Duration commandTimeout) {
    return apply(listener, RunSettings.defaults().withCommandTimeout(commandTimeout));
  }

  static RunResult apply(InstallListener listener, RunSettings settings) {
    try {
      ClusterPki.ensure(facts, planDir().resolve("pki"), Clock.systemUTC());
      Plan plan = PlanBuilder.write(facts, planDir(), bundle, BundleForPlan.read(bundle));
      return new Executor(planDir(), new SshTransports(facts.spec(), SshSettings.of(lab.knownHosts())), settings)
          .listener(listener).run(plan);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JschTransport ssh(String host) {
    LabHost h = lab.topology().hosts().stream().filter(x -> x.name().equals(host)).findFirst().orElseThrow();
    return new JschTransport(new SshTarget(h.name(), h.address(), 22, "root", lab.privateKey(), null),
        SshSettings.of(lab.knownHosts()).withTrust(HostKeyTrust.REFUSE));
  }

  static String on(String host, String command) {
    try (JschTransport t = ssh(host)) {
      var r = t.run(command, T);
      assertThat(r.exitCode()).as("%s on %s: %s", command, host, r.output()).isZero();
      return r.output().strip();
    }
  }

  @Test
  @Order(1)
  void kubectlThroughTheVipListsEveryLinuxNodeReady() {
    String url = kubectl.ok("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
    assertThat(url).isEqualTo(facts.loadBalancer().url());
    kubectl.ok("wait", "--for=condition=Ready", "node", "--all", "--timeout=180s");
    assertThat(kubectl.ok("get", "nodes", "-o", "jsonpath={.items[*].metadata.name}").split(" "))
        .containsExactlyInAnyOrder("master1", "master2", "node1", "node2");
  }

  @Test
  @Order(2)
  void theAddonsRunFlannelOnEveryNodeAndCoreDnsAndMetricsServerAnswer() {
    kubectl.ok("-n", "kube-flannel", "rollout", "status", "daemonset/kube-flannel-ds", "--timeout=180s");
    kubectl.ok("-n", "kube-system", "rollout", "status", "deployment/coredns", "--timeout=180s");
    kubectl.ok("-n", "kube-system", "rollout", "status", "deployment/metrics-server", "--timeout=180s");
    // flannel names its device after the VNI; 4096 and port 4789 are what Windows workers need too
    assertThat(on("node1", "ip -d link show flannel.4096")).contains("vxlan id 4096").contains("dstport 4789");
  }

  @Test
  @Order(3)
  void aPodOnOneWorkerReachesAPodOnTheOtherByItsIp() {
    Probes.start(kubectl, bundle);
    String a = Probes.podIp(kubectl, "probe-a");
    String b = Probes.podIp(kubectl, "probe-b");
    assertThat(a).as("the two pods sit in different nodes' flannel subnets").isNotEqualTo(b);
    assertThat(a.substring(0, a.lastIndexOf('.'))).isNotEqualTo(b.substring(0, b.lastIndexOf('.')));
    String answer = on("node2", Probes.inPodB("bash -c 'exec 3<>/dev/tcp/" + a + "/8080; printf \"GET /health HTTP/1.0\\r\\n\\r\\n\" >&3; cat <&3'"));
    assertThat(answer).startsWith("HTTP/1.0 200 OK").endsWith("OK");
  }

  @Test
  @Order(4)
  void logsExecAndTheMetricsApiWorkWithoutAnySystemMastersCredentialOnTheHosts() throws Exception {
    // apiserver -> kubelet with the kubelet-client certificate, now only in its own RBAC binding (ADR 38)
    assertThat(kubectl.ok("logs", "probe-a", "--tail=5")).isNotBlank();
    assertThat(kubectl.ok("exec", "probe-a", "--", "/coredns", "-version")).contains("CoreDNS");
    // the plan folder's admin kubeconfig is cluster-admin through the kubeyard:cluster-admins binding
    assertThat(kubectl.ok("auth", "can-i", "*", "*")).isEqualTo("yes");
    assertThat(kubectl.ok("get", "clusterrolebinding", "kubeyard:cluster-admins", "-o", "jsonpath={.subjects[0].name}"))
        .isEqualTo("kubeyard:cluster-admins");
    assertThat(on("master1", "openssl x509 -noout -subject -in /etc/kubernetes/ssl/admin.pem 2>/dev/null || true"))
        .doesNotContain("system:masters");
    assertThat(on("master1", "ls /etc/kubernetes/ssl; ls /run | grep -c kubeyard-break-glass || true"))
        .doesNotContain("break-glass.pem").endsWith("0");
    // the aggregated metrics API answers through an APIService verified with its caBundle
    assertThat(kubectl.ok("get", "apiservice", "v1beta1.metrics.k8s.io", "-o", "jsonpath={.spec.insecureSkipTLSVerify}"))
        .isBlank();
    awaitTrue(() -> kubectl.run("get", "--raw", "/apis/metrics.k8s.io/v1beta1/nodes").exit() == 0, Duration.ofSeconds(180));
  }

  @Test
  @Order(4)
  void aServiceNameResolvesThroughCoreDnsFromInsideAPod() {
    String serviceIp = kubectl.ok("get", "service", "probe-a", "-o", "jsonpath={.spec.clusterIP}");
    String resolved = on("node2", "unshare -m sh -c 'echo nameserver " + facts.dnsIp() + " > /run/probe-resolv.conf"
        + " && mount --bind /run/probe-resolv.conf /etc/resolv.conf && " + Probes.inPodB("getent hosts probe-a.default.svc."
        + facts.clusterDomain()) + "'");
    assertThat(resolved).startsWith(serviceIp + " ");
    String viaService = on("node2", Probes.inPodB("bash -c 'exec 3<>/dev/tcp/" + serviceIp + "/8080; printf \"GET /health HTTP/1.0\\r\\n\\r\\n\" >&3; cat <&3'"));
    assertThat(viaService).endsWith("OK");
  }

  @Test
  @Order(5)
  void aSecondApplyChangesNothing() {
    long start = System.nanoTime();
    RunResult again = apply();
    System.out.printf("no-op re-apply: %.1f s%n", (System.nanoTime() - start) / 1e9);
    assertThat(again.failures()).isEmpty();
    assertThat(again.applied()).as("steps applied by a re-run with no change").isZero();
    start = System.nanoTime();
    RunResult verified = apply(new RecordingListener(), RunSettings.defaults().withRehash(true));
    System.out.printf("no-op re-apply hashing every file (--verify): %.1f s%n", (System.nanoTime() - start) / 1e9);
    assertThat(verified.applied()).as("the ledger agrees with the files' content").isZero();
  }

  @Test
  @Order(5)
  void aFileEditedByHandIsFoundByTheNextApplyAndRestoredReloadingOnlyTheServiceThatReadsIt() {
    String cfg = "/etc/haproxy/haproxy.cfg";
    String placed = on("lb2", "sha256sum " + cfg);
    String haproxy = mainPid("lb2", "haproxy");
    String keepalived = mainPid("lb2", "keepalived");
    on("lb2", "echo '# edited by hand' >> " + cfg);
    RecordingListener events = new RecordingListener();
    RunResult r = apply(events, RunSettings.defaults().commandTimeout());
    assertThat(r.failures()).isEmpty();
    assertThat(events.all).filteredOn(e -> e instanceof InstallEvent.StepFinished)
        .extracting(e -> ((InstallEvent.StepFinished) e).host() + "/" + ((InstallEvent.StepFinished) e).stepId())
        .containsExactly("lb2/start-load-balancer");
    assertThat(on("lb2", "sha256sum " + cfg)).isEqualTo(placed);
    assertThat(events.all).filteredOn(e -> e instanceof InstallEvent.LogLine l && l.host().equals("lb2"))
        .extracting(e -> ((InstallEvent.LogLine) e).line().strip()).contains("reload haproxy").doesNotContain("restart haproxy",
            "restart keepalived", "reload keepalived");
    assertThat(mainPid("lb2", "haproxy")).as("haproxy's master re-executes itself on a reload").isEqualTo(haproxy);
    assertThat(mainPid("lb2", "keepalived")).as("keepalived untouched").isEqualTo(keepalived);
  }

  static String mainPid(String host, String service) {
    String pid = on(host, "systemctl show -p MainPID --value " + service);
    assertThat(pid).as("%s's MainPID on %s", service, host).matches("[1-9][0-9]*");
    return pid;
  }

  @Test
  @Order(6)
  void stoppingHaproxyOnTheLbHoldingTheVipMovesTheVipWhichStaysWhenThatLbRecovers() throws Exception {
    String vip = facts.loadBalancer().vip();
    String holder = holderOfVip(vip);
    String other = holder.equals("lb1") ? "lb2" : "lb1";
    try (ApiProbe probe = new ApiProbe(planDir().resolve("pki"), "https://" + vip + ":8443/readyz")) {
      Thread.sleep(1000);
      long stopped = System.nanoTime();
      on(holder, "systemctl stop haproxy");
      awaitTrue(() -> holderOfVip(vip).equals(other) && probe.answeredSince(stopped), Duration.ofSeconds(30));
      Thread.sleep(1000);
      System.out.println("haproxy stopped on " + holder + ": VIP moved to " + other + "; " + probe);
      assertThat(probe.outageMillis()).as("API outage while the VIP moved").isLessThan(15_000);

      long recovered = System.nanoTime();
      on(holder, "systemctl start haproxy");
      // longer than keepalived's check rise (2 s) plus a lost master's down timer (3 x advert_int 3 s)
      Thread.sleep(15_000);
      System.out.println("haproxy back on " + holder + ": " + probe);
      assertThat(holderOfVip(vip)).as("nopreempt: the VIP stays on " + other).isEqualTo(other);
      assertThat(probe.failuresSince(recovered)).as("requests failed after %s recovered: %s", holder, probe).isZero();
    } finally {
      on(holder, "systemctl start haproxy");
    }
  }

  @Test
  @Order(7)
  void stoppingOneApiserverKeepsRequestsThroughTheVipSucceeding() throws Exception {
    try (ApiProbe probe = new ApiProbe(planDir().resolve("pki"), facts.loadBalancer().url() + "/readyz")) {
      Thread.sleep(1000);
      // --no-block: the apiserver drains its requests for a while; the probe measures that time too
      on("master1", "systemctl stop --no-block kube-apiserver");
      Thread.sleep(10_000);
      System.out.println("kube-apiserver stopped on master1: " + probe);
      assertThat(probe.failures()).as("requests failed through the VIP: %s", probe).isZero();
      assertThat(kubectl.ok("get", "--raw", "/readyz")).isEqualTo("ok");
    } finally {
      // queued behind the stop, which lasts --shutdown-delay-duration and the drain; the next test waits
      // for master1 to be back in both rotations
      on("master1", "systemctl start --no-block kube-apiserver");
    }
  }

  @Test
  @Order(8)
  void anApiserverCutOffFromEtcdLeavesTheLoadBalancersRotationAndReturnsWhenItIsReadyAgain() throws Exception {
    String rule = "OUTPUT -p tcp --dport 2379 -j REJECT --reject-with tcp-reset";
    // the apiserver stopped by the test before needs a while to be ready and back in the rotation
    awaitTrue(() -> inBothRotations("master1"),
        Duration.ofSeconds(120));
    try (ApiProbe probe = new ApiProbe(planDir().resolve("pki"),
        facts.loadBalancer().url() + facts.apiserverReadinessPath(), true)) {
      Thread.sleep(1000);
      long cut = System.nanoTime();
      on("master1", "iptables -w -I " + rule);
      // master1's apiserver keeps running; its readiness fails and both haproxys' checks take it out
      awaitTrue(() -> haproxyStatus("lb1", "master1").startsWith("DOWN") && haproxyStatus("lb2", "master1").startsWith("DOWN"),
          Duration.ofSeconds(30));
      long removed = System.nanoTime();
      assertThat(on("master1", "systemctl is-active kube-apiserver")).isEqualTo("active");
      Thread.sleep(5000);
      System.out.printf("master1 cut off from etcd: out of both haproxys' rotation after %d ms; %s%n",
          (removed - cut) / 1_000_000, probe);
      assertThat(probe.failuresSince(removed)).as("requests failed after master1 left the rotation: %s", probe).isZero();
      assertThat(kubectl.ok("get", "--raw", "/readyz")).isEqualTo("ok");
    } finally {
      on("master1", "iptables -w -D " + rule + " || true");
    }
    awaitTrue(() -> inBothRotations("master1"),
        Duration.ofSeconds(120));
  }

  private static boolean inBothRotations(String server) {
    return haproxyStatus("lb1", server).equals("UP") && haproxyStatus("lb2", server).equals("UP");
  }

  /** haproxy's own view of one apiserver backend on {@code lb} (UP, DOWN, "UP 1/2", ...), from its stats socket. */
  private static String haproxyStatus(String lb, String server) {
    // perl-base is on every Debian host; the lb hosts have no socat
    String stat = on(lb, "perl -MIO::Socket::UNIX -e '$s = IO::Socket::UNIX->new(Peer => \"/run/haproxy/admin.sock\") or die $!;"
        + " print $s \"show stat\\n\"; print while <$s>'");
    return stat.lines().map(l -> l.split(",", -1)).filter(f -> f.length > 17 && f[0].equals("kube-apiserver") && f[1].equals(server))
        .map(f -> f[17]).findFirst().orElse("absent");
  }

  @Test
  @Order(9)
  void stoppingOneEtcdMemberKeepsWritesSucceeding() throws Exception {
    try {
      on("node1", "systemctl stop etcd");
      for (int i = 0; i < 5; i++) {
        kubectl.ok("create", "configmap", "etcd-down-" + i, "--from-literal=i=" + i);
      }
      assertThat(kubectl.ok("get", "configmap", "etcd-down-4", "-o", "jsonpath={.data.i}")).isEqualTo("4");
    } finally {
      on("node1", "systemctl start etcd");
    }
    kubectl.ok("delete", "configmap", "etcd-down-0", "etcd-down-1", "etcd-down-2", "etcd-down-3", "etcd-down-4");
  }

  @Test
  @Order(10)
  void anApiserverWhosePacketsAreDroppedCostsNoRequestThroughTheVipAndAtMostHaproxysConnectTimeout() throws Exception {
    // as from a master whose link is gone, no reset comes back: haproxy's connect timeout (1 s) decides how long a
    // request routed there waits before it goes to another master, until the health checks take it out. Only the
    // apiserver's port is dropped, so etcd keeps its three members and the other apiserver stays ready.
    String rule = "INPUT -p tcp --dport 6443 -j DROP";
    try (ApiProbe probe = new ApiProbe(planDir().resolve("pki"), facts.loadBalancer().url() + "/readyz")) {
      Thread.sleep(1000);
      on("master2", "iptables -w -I " + rule);
      awaitTrue(() -> haproxyStatus("lb1", "master2").startsWith("DOWN") && haproxyStatus("lb2", "master2").startsWith("DOWN"),
          Duration.ofSeconds(30));
      Thread.sleep(3000);
      System.out.println("master2's apiserver unreachable (packets dropped): " + probe);
      assertThat(probe.failures()).as("requests failed through the VIP: %s", probe).isZero();
      assertThat(probe.longestGapMillis()).as("the longest wait for an answer: %s", probe).isLessThan(3000);
    } finally {
      on("master2", "iptables -w -D " + rule);
    }
    awaitTrue(() -> inBothRotations("master2"), Duration.ofSeconds(120));
  }

  @Test
  @Order(11)
  void aChangedEtcdUnitRestartsTheMembersOneAtATimeAndNoAcknowledgedWriteIsLost() throws Exception {
    List<String> members = List.of("master1", "master2", "node1");
    members.forEach(m -> on(m, "echo '# changed by hand' >> /etc/systemd/system/etcd.service"));
    List<String> written = new CopyOnWriteArrayList<>();
    List<String> refused = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
      for (int i = 0; writing.get(); i++) {
        Proc.Result r = kubectl.run("create", "configmap", "etcd-roll-" + i, "--from-literal=i=" + i);
        (r.exit() == 0 ? written : refused).add("etcd-roll-" + i);
      }
    });
    RecordingListener events = new RecordingListener();
    RunResult r;
    try {
      r = apply(events, RunSettings.defaults().commandTimeout());
    } finally {
      writing.set(false);
      writes.get(60, TimeUnit.SECONDS);
    }
    assertThat(r.failures()).isEmpty();
    List<String> etcdSteps = events.all.stream().filter(e -> e instanceof InstallEvent.StepStarted s && s.stepId().equals("start-etcd")
        || e instanceof InstallEvent.StepFinished f && f.stepId().equals("start-etcd")).map(e -> e.getClass().getSimpleName()).toList();
    assertThat(etcdSteps).as("each member restarted and healthy before the next").containsExactly("StepStarted", "StepFinished",
        "StepStarted", "StepFinished", "StepStarted", "StepFinished");
    String listed = kubectl.ok("get", "configmaps", "-o", "name");
    System.out.println("etcd members restarted one at a time: " + written.size() + " writes acknowledged, " + refused.size()
        + " refused while a member restarted");
    assertThat(written).as("writes acknowledged during the restarts").hasSizeGreaterThan(5)
        .allSatisfy(name -> assertThat(listed).contains("configmap/" + name));
  }

  @Test
  @Order(12)
  void aKeepalivedOnlyChangeReloadsKeepalivedOneLbHostAtATimeAndLeavesHaproxyRunning() throws Exception {
    String original = Files.readString(lab.specFile());
    RecordingListener events = new RecordingListener();
    Map<String, String> haproxy = Map.of("lb1", mainPid("lb1", "haproxy"), "lb2", mainPid("lb2", "haproxy"));
    String holder = holderOfVip(facts.loadBalancer().vip());
    try (ApiProbe probe = new ApiProbe(planDir().resolve("pki"), facts.loadBalancer().url() + "/readyz")) {
      Files.writeString(lab.specFile(), original.replace("  interfaceName: eth0\n", "  interfaceName: eth0\n  advertInterval: 2\n"));
      facts = ClusterFacts.of(Validator.load(lab.specFile()).spec());
      RunResult r = apply(events, RunSettings.defaults().commandTimeout());
      assertThat(r.failures()).isEmpty();
      assertThat(events.all).filteredOn(e -> e instanceof InstallEvent.StepFinished)
          .extracting(e -> ((InstallEvent.StepFinished) e).host() + "/" + ((InstallEvent.StepFinished) e).stepId())
          .containsExactlyInAnyOrder("lb1/start-load-balancer", "lb2/start-load-balancer");
      assertThat(on("lb1", "grep advert_int /etc/keepalived/keepalived.conf")).contains("advert_int 2");
      // the lb hosts restart one after the other, each done only once the VIP answers again
      List<String> lbSteps = events.all.stream().filter(e -> e instanceof InstallEvent.StepStarted s && s.stepId().equals("start-load-balancer")
          || e instanceof InstallEvent.StepFinished f && f.stepId().equals("start-load-balancer")).map(Object::getClass)
          .map(Class::getSimpleName).toList();
      assertThat(lbSteps).containsExactly("StepStarted", "StepFinished", "StepStarted", "StepFinished");
      assertThat(Map.of("lb1", mainPid("lb1", "haproxy"), "lb2", mainPid("lb2", "haproxy")))
          .as("a keepalived-only change leaves haproxy running").isEqualTo(haproxy);
      System.out.println("keepalived reloaded on both lb hosts, one at a time; the VIP was on " + holder + ", is on "
          + holderOfVip(facts.loadBalancer().vip()) + "; " + probe);
      // the VIP moves once (off the lb host holding it); the bound is the VIP test's above
      assertThat(probe.longestGapMillis()).as("API outage through the VIP while the lb hosts restarted: %s", probe)
          .isLessThan(15_000);
    } finally {
      Files.writeString(lab.specFile(), original);
      facts = ClusterFacts.of(Validator.load(lab.specFile()).spec());
    }
    assertThat(apply().applied()).as("changing it back touches the same two steps").isEqualTo(2);
  }

  @Test
  @Order(13)
  void theCisBenchmarkLevelOneItemsReadOnEveryHostFindNoFail() {
    AuditReport report = new AuditReport(CisCatalog.forVersion(facts.version()).edition(),
        CisAudit.run(facts, new SshTransports(facts.spec(), SshSettings.of(lab.knownHosts()))));
    System.out.print(report.table());
    assertThat(report.findings()).as("findings").hasSizeGreaterThan(100);
    // The one item still open, listed in docs/security.md: etcd runs as root, so its data directory is
    // root's (1.1.12). Any other FAIL fails here, and so does 1.1.12 passing (then remove it).
    assertThat(report.findings()).filteredOn(f -> f.result() == Outcome.FAIL).extracting(Finding::id)
        .as(report.summary()).containsOnly(OPEN_CIS_ITEM).hasSize(3); // one per etcd member
  }

  /** The CIS item docs/security.md lists as open, with its fix (etcd as its own user). */
  private static final String OPEN_CIS_ITEM = "1.1.12";

  @Test
  @Order(14)
  void theReadOnlyAndInsecurePortsAreClosedAndAnonymousRequestsAreRefusedEverywhere() {
    AuditReport probe = new AuditReport("runtime probe", RuntimeProbe.run(facts));
    System.out.print(probe.table());
    assertThat(probe.findings()).extracting(Finding::host).contains("master1", "master2", "node1", "node2", "vip");
    assertThat(probe.findings()).filteredOn(f -> f.result() == Outcome.FAIL).as(probe.summary()).isEmpty();
  }

  @Test
  @Order(15)
  void resetStopsEveryPodAndServiceAndRemovesWhatTheInstallPlacedAndMadeButKeepsThePkiAndWhenAskedTheData() throws Exception {
    Plan install = PlanBuilder.write(facts, planDir(), bundle, BundleForPlan.read(bundle));
    SshTransports transports = new SshTransports(facts.spec(), SshSettings.of(lab.knownHosts()));
    RecordingListener events = new RecordingListener();
    RunResult r = new Executor(planDir(), transports, RunSettings.defaults()).listener(events)
        .run(ResetPlan.full(install, false, true));
    assertThat(r.failures()).isEmpty();
    assertThat(events.all).filteredOn(e -> e instanceof InstallEvent.StepStarted s && s.host().equals("master1"))
        .extracting(e -> ((InstallEvent.StepStarted) e).title()).singleElement().asString()
        .contains("keep the PKI, /var/lib/etcd, /var/lib/kubelet");
    for (String host : List.of("master1", "node1", "lb1")) {
      try (JschTransport t = ssh(host)) {
        assertThat(t.run("systemctl is-active kubelet etcd haproxy kube-apiserver containerd | grep -cx -e active -e activating",
            T).output().strip()).as("%s: services still running", host).isEqualTo("0");
        assertThat(t.run("find /opt/kube/bin /opt/kube/lib -mindepth 1 2>/dev/null", T).output().strip()).as(host).isEmpty();
        assertThat(t.run("pgrep -x pause; pgrep -x flanneld; ip -br link | grep -E '^(cni0|flannel)'", T).output().strip())
            .as("%s: no pod and no pod network left", host).isEmpty();
        assertThat(t.run("iptables-save | grep -cE 'KUBE-|FLANNEL|CNI-'; ipset list -n 2>/dev/null | grep -c ^KUBE-;"
            + " ls -d /var/lib/cni /run/flannel /var/lib/kubeyard/placed /etc/cni/net.d 2>/dev/null | wc -l", T).output().strip())
            .as("%s: no rule, set or network state left", host).isEqualTo("0\n0\n0");
      }
    }
    assertThat(on("master1", "ls -d /var/lib/etcd/member /var/lib/kubelet")).as("kept with --keep-data").contains("/var/lib/etcd/member");
    RunResult data = new Executor(planDir(), transports, RunSettings.defaults()).run(ResetPlan.full(install, false, false));
    assertThat(data.failures()).isEmpty();
    assertThat(on("master1", "ls -d /var/lib/etcd /var/lib/kubelet 2>/dev/null | wc -l; ls -A /var/lib/containerd 2>/dev/null | wc -l"))
        .as("the data gone; the lab mounts /var/lib/containerd, so that folder stays, empty").isEqualTo("0\n0");
    assertThat(planDir().resolve("pki/ca-key.pem")).exists();
    assertThat(new Executor(planDir(), transports, RunSettings.defaults()).run(ResetPlan.full(install, false, false)).applied())
        .as("a second reset finds nothing to do").isZero();
  }

  private static String holderOfVip(String vip) {
    for (String lb : new String[] {"lb1", "lb2"}) {
      try (JschTransport t = ssh(lb)) {
        if (t.run("ip -4 -br addr show eth0", T).output().contains(" " + vip + "/")) {
          return lb;
        }
      }
    }
    return "";
  }

  static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within %s", timeout).isLessThan(end);
      Thread.sleep(200);
    }
  }
}
