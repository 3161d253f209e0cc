package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.apps.elasticsearch.DocumentAudit;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.LoadGenerator;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.build.ElasticsearchImage;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.elasticsearch.StatefulSetFleet;
import dev.kubeyard.engine.run.RunResult;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.model.validate.Validator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Elasticsearch on the real lab cluster (Kubernetes 1.35 from the offline bundle on nspawn machines):
 * {@code kubeyard es deploy} of 7.17.28 (3 masters, 2 data nodes on three workers, heap 256m, image
 * kubeyard.local/elasticsearch built here from Debian's JRE and the Maven Central jars), documents
 * indexed through a NodePort, {@code kubeyard es update} to 7.17.29 under load (pods deleted and
 * recreated by the StatefulSet controller, gates through the apiserver's service proxy, the
 * pre-upgrade snapshot in a ReadWriteMany volume on the lab's shared folder), 0 lost documents, the
 * rollback to 7.17.28 refused, {@code kubeyard es status}; a config change (heap 256m → 288m) whose
 * orchestrator dies with a pod deleted, resumed by the same {@code es update} from a new connection;
 * its rollback under load; then the 7.17.29 cluster removed and the pre-upgrade snapshot restored into
 * a new 7.17.28 cluster. Tagged "lab" (lab/run-e2e.sh); skipped
 * without a bundle or the two es-harness builds. The lab stays up with -Dkubeyard.lab.keep=true; a
 * kept lab is reused by the next run (the install is then a no-op re-apply).
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchOnTheLabClusterTest {
  private static final String FROM = "7.17.28";
  private static final String HEAP = "256m";
  private static final String TUNED_HEAP = "288m";
  private static final String TO = "7.17.29";
  private static final String NAMESPACE = "elastic";
  private static final int NODE_PORT = 30920;
  private static final String SUBNET = "10.213.56";
  private static final Map<String, Double> TIMINGS = new LinkedHashMap<>();
  private static Lab lab;
  private static Kubectl kubectl;
  @RegisterExtension
  static final LabDiagnostics DIAGNOSTICS = new LabDiagnostics(() -> kubectl, NAMESPACE);
  private static Path spec;
  /** The lab's cluster.yaml with network.enforceNetworkPolicy: kube-router enforces every policy (ADR 39). */
  private static Path labSpec;
  private static Path kubeconfig;
  private static List<URI> endpoints;
  private static long acknowledgedBeforeUpgrade;
  private static long acknowledgedAfterUpgrade;
  private static String preUpgradeSnapshot;

  @BeforeAll
  static void labWithImagesAndVolumes() throws Exception {
    Optional<Path> built = BundleCache.fromEnvironment().latestBundle();
    assumeTrue(built.isPresent(), "no offline bundle built on this machine (tools/build-bundle.sh makes one)");
    assumeTrue(Proc.available("systemd-nspawn"), "needs systemd-container (lab/run-e2e.sh installs it)");
    Path harnesses = Path.of("").toAbsolutePath().resolveSibling("tools/es-harness/target");
    for (String v : List.of(FROM, TO)) {
      assumeTrue(Files.isRegularFile(harnesses.resolve("es-" + v + "/es-harness.jar")), "no Elasticsearch " + v
          + " harness to build the image from; run 'ES_VERSION=" + v + " tools/es-harness/run-es.sh build' (lab/run-e2e.sh does)");
    }
    Path bundle = built.get();
    long t = System.nanoTime();
    ElasticsearchImage images = new ElasticsearchImage(BundleCache.fromEnvironment(), System.out::println);
    Map<String, Path> tars = new LinkedHashMap<>();
    for (String v : List.of(FROM, TO)) {
      tars.put(v, images.build(v, harnesses.resolve("es-" + v)));
    }
    t = timed("images built (or cached)", t);
    lab = new Lab(Lab.HOME, LabTopology.standard("es", SUBNET).withWorker("node3"), Lab.MIRROR);
    lab.up(System.out::println);
    labSpec = lab.dir().resolve("cluster-enforced.yaml");
    Files.writeString(labSpec, LabElasticsearch.enforcingNetworkPolicy(Files.readString(lab.specFile())));
    ClusterFacts facts = ClusterFacts.of(Validator.load(labSpec).spec());
    Path planDir = lab.dir().resolve("kubeyard-plan");
    kubeconfig = planDir.resolve("admin.kubeconfig");
    RunResult install = install(facts, planDir, bundle);
    assertThat(install.failures()).as("the cluster install").isEmpty();
    t = timed("lab up + kubeyard apply (" + install.applied() + " steps applied, " + install.skipped() + " skipped)", t);
    kubectl = new Kubectl(bundle, kubeconfig);
    kubectl.ok("wait", "--for=condition=Ready", "node", "--all", "--timeout=180s");
    LabElasticsearch.removePrevious(kubectl, NAMESPACE);
    for (String node : LabElasticsearch.WORKERS) {
      try (JschTransport ssh = ssh(node)) {
        tars.forEach((v, tar) -> LabElasticsearch.importImage(ssh, tar, v));
        LabElasticsearch.prepareFolders(ssh);
      }
    }
    LabElasticsearch.createVolumes(kubectl, lab.dir().resolve("shared"), "2Gi", false);
    t = timed("images imported into the workers, volumes created", t);
    spec = lab.dir().resolve("cluster-with-elasticsearch.yaml");
    endpoints = LabElasticsearch.WORKERS.stream().map(n -> host(n).address())
        .map(a -> URI.create("http://" + a + ":" + NODE_PORT)).toList();
  }

  @AfterAll
  static void down() {
    System.out.println("timings (s): " + TIMINGS);
    // kubeyard.eslab.keep: lab/run-e2e.sh runs the desktop's ElasticsearchTabOnTheLabUiTest on it next
    if (lab != null && !Boolean.getBoolean("kubeyard.lab.keep") && !Boolean.getBoolean("kubeyard.eslab.keep")) {
      lab.down(line -> { });
    }
  }

  @Test
  @Order(1)
  void deploysElasticsearch17_28WithThreeMastersAndTwoDataNodesOnTheWorkers() throws Exception {
    LabElasticsearch.writeSpec(labSpec, spec, FROM, HEAP);
    long t = System.nanoTime();
    LabSession.Cli deploy = cli("es", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    timed("es deploy " + FROM, t);
    assertThat(deploy.exit()).as(deploy.output()).isZero();
    String pods = kubectl.ok("-n", NAMESPACE, "get", "pods", "-o",
        "jsonpath={range .items[*]}{.metadata.name}={.spec.nodeName}={.status.phase}{\"\\n\"}{end}");
    System.out.println(pods);
    assertThat(pods.lines()).hasSize(5).allSatisfy(l -> assertThat(l).endsWith("=Running"));
    assertThat(pods).contains("elasticsearch-data-0=node", "elasticsearch-data-1=node", "elasticsearch-master-0=node",
        "elasticsearch-master-1=node", "elasticsearch-master-2=node");
    assertThat(pods.lines().filter(l -> l.startsWith("elasticsearch-master-")).map(l -> l.split("=")[1]).distinct())
        .as("one master per worker").hasSize(3);
    assertThat(kubectl.ok("-n", NAMESPACE, "get", "pvc", "-o", "jsonpath={.items[*].status.phase}").split(" "))
        .hasSize(6).containsOnly("Bound");
    assertThat(fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly(FROM);
    assertThat(fleet().api().health().green()).isTrue();
  }

  @Test
  @Order(2)
  void rollsTo17_29UnderLoadWithoutLosingADocumentAndRefusesTheRollback() throws Exception {
    LabElasticsearch.exposeForLoad(kubectl, NAMESPACE, NODE_PORT, SUBNET);
    try (LoadGenerator load = LoadGenerator.at(endpoints)) {
      awaitCreated(load);
      load.start(2);
      Thread.sleep(10_000);
      LabElasticsearch.writeSpec(labSpec, spec, TO, HEAP);
      acknowledgedBeforeUpgrade = load.acknowledged().size();
      long t = System.nanoTime();
      LabSession.Cli update = cli("es", "update", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
      timed("es update " + FROM + " -> " + TO + " under load", t);
      assertThat(update.exit()).as(update.output()).isZero();
      LoadGenerator.Stats stats = stopAndAudit(load, 5_000);
      assertThat(stats.acknowledgedWrites()).isGreaterThan(100);
      acknowledgedAfterUpgrade = load.acknowledged().size();
    }
    assertThat(fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly(TO);
    assertThat(kubectl.ok("-n", NAMESPACE, "get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}").split(" "))
        .containsOnly(ElasticsearchImage.reference(TO));
    LabSession.Cli snapshots = cli("es", "snapshot", "list", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    preUpgradeSnapshot = snapshots.output().lines().filter(l -> l.startsWith("pre-upgrade-" + FROM + "-to-" + TO + "-"))
        .findFirst().orElseThrow(() -> new AssertionError("no pre-upgrade snapshot listed: " + snapshots.output()));
    assertThat(lab.dir().resolve("shared/es-snapshots/kubeyard")).as("the repository on the shared folder").isDirectory();

    UpdateRefused refused = catchThrowableOfType(() -> new RollingUpdate(fleet(), e -> { }).rollback(), UpdateRefused.class);
    assertThat(refused).as("the rollback").isNotNull();
    assertThat(refused.getMessage()).contains("refusing to roll Elasticsearch back from " + TO + " to " + FROM)
        .contains("cannot downgrade a node from version [" + TO + "] to version [" + FROM + "]");
    LabSession.Cli rollback = cli("es", "rollback", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(rollback.exit()).isEqualTo(1);
    assertThat(fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly(TO);
    assertThat(fleet().api().health().green()).isTrue();
  }

  @Test
  @Order(3)
  void statusShowsEveryNodeOnTheNewVersionAndTheCompletedUpdate() {
    LabSession.Cli status = cli("es", "status", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(status.exit()).isZero();
    assertThat(status.output()).contains("health: green (5 nodes").contains("last update: upgrade")
        .contains("completed");
    for (EsNode n : fleet().api().nodes()) {
      assertThat(status.output()).contains(n.name() + " " + TO);
    }
  }

  @Test
  @Order(4)
  void aConfigChangeInterruptedWithAPodDownResumesWithTheSameCommandFromANewConnection() throws Exception {
    LabElasticsearch.writeSpec(labSpec, spec, TO, TUNED_HEAP);
    String tuned = fleet().deployment().revision().id();
    try (LoadGenerator load = LoadGenerator.at(endpoints)) {
      load.start(2);
      List<String> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
      UpdateListener crashAtSecondStop = e -> {
        if (e instanceof UpdateEvent.NodeStopped s) {
          stopped.add(s.node());
          if (stopped.size() == 2) {
            throw new SimulatedCrash(); // the orchestrator dies with a pod deleted and allocation at primaries
          }
        }
      };
      long t = System.nanoTime();
      assertThatThrownBy(() -> new RollingUpdate(fleet(), crashAtSecondStop).update(
          new UpdateTarget(EsVersion.of(TO), fleet().deployment().revision()))).isInstanceOf(SimulatedCrash.class);
      UpdateState interrupted = fleet().stateStore().load().orElseThrow();
      assertThat(interrupted.inProgress()).isTrue();
      assertThat(interrupted.kind()).isEqualTo(UpdateState.Kind.CONFIG);
      assertThat(interrupted.done()).containsExactly(stopped.get(0));
      assertThat(interrupted.current()).isEqualTo(stopped.get(1));
      assertThat(fleet().api().allocation()).as("allocation left by the crash").isEqualTo("primaries");

      LabSession.Cli resumed = cli("es", "update", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
      timed("es config change " + HEAP + " -> " + TUNED_HEAP + ", interrupted and resumed, under load", t);
      assertThat(resumed.exit()).as(resumed.output()).isZero();
      assertThat(resumed.output()).contains("resum");
      stopAndAudit(load, 3_000);
    }
    assertThat(fleet().api().nodes()).extracting(EsNode::configRevision).containsOnly(tuned);
    assertThat(fleet().api().allocation()).isEqualTo("all");
    assertThat(kubectl.ok("-n", NAMESPACE, "get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].env[?(@.name==\"ES_JAVA_OPTS\")].value}"))
        .contains("-Xmx" + TUNED_HEAP);
  }

  @Test
  @Order(5)
  void rollsTheConfigChangeBackUnderLoadWithTheSameGates() throws Exception {
    String before = ElasticsearchDeployment.of(ClusterFacts.of(Validator.load(spec).spec())).withHeap(HEAP).revision().id();
    try (LoadGenerator load = LoadGenerator.at(endpoints)) {
      load.start(2);
      long t = System.nanoTime();
      LabSession.Cli rollback = cli("es", "rollback", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
      timed("es rollback of the config change under load", t);
      assertThat(rollback.exit()).as(rollback.output()).isZero();
      stopAndAudit(load, 3_000);
    }
    UpdateState last = fleet().stateStore().load().orElseThrow();
    assertThat(last.kind()).isEqualTo(UpdateState.Kind.ROLLBACK);
    assertThat(last.phase()).isEqualTo(UpdateState.Phase.COMPLETED);
    assertThat(fleet().api().nodes()).extracting(EsNode::configRevision).containsOnly(before);
    assertThat(fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly(TO);
  }

  @Test
  @Order(6)
  void thePreUpgradeSnapshotRestoresIntoANewClusterOn17_28() throws Exception {
    assertThat(preUpgradeSnapshot).as("the snapshot the upgrade took").isNotNull();
    long t = System.nanoTime();
    LabElasticsearch.removePrevious(kubectl, NAMESPACE); // the 7.17.29 cluster and its data go; the repository stays
    for (String node : LabElasticsearch.WORKERS) {
      try (JschTransport ssh = ssh(node)) {
        LabElasticsearch.prepareFolders(ssh);
      }
    }
    LabElasticsearch.createVolumes(kubectl, lab.dir().resolve("shared"), "2Gi", true);
    LabElasticsearch.writeSpec(labSpec, spec, FROM, HEAP);
    LabSession.Cli deploy = cli("es", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(deploy.exit()).as(deploy.output()).isZero();
    timed("old cluster removed, new " + FROM + " cluster deployed", t);
    assertThat(fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly(FROM);

    LabSession.Cli list = cli("es", "snapshot", "list", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(list.output().lines()).contains(preUpgradeSnapshot);
    t = System.nanoTime();
    LabSession.Cli restore = cli("es", "snapshot", "restore", preUpgradeSnapshot, "-f", spec.toString(), "--kubeconfig",
        kubeconfig.toString());
    timed("snapshot restored on " + FROM, t);
    assertThat(restore.exit()).as(restore.output()).isZero();
    assertThat(restore.output()).contains("restored 1 indices from " + preUpgradeSnapshot);
    long restored = fleet().api().call("GET", "/" + LoadGenerator.INDEX + "/_count", null, 200).path("count").asLong();
    System.out.printf("restored %d documents; acknowledged before the upgrade %d, after it %d%n", restored,
        acknowledgedBeforeUpgrade, acknowledgedAfterUpgrade);
    // the snapshot was taken after the update started: it holds every write acknowledged before that,
    // and never more than the upgrade's writers had acknowledged by its end
    assertThat(restored).isBetween(acknowledgedBeforeUpgrade, acknowledgedAfterUpgrade + 2);
    assertThat(fleet().api().waitForHealth("green", 120).green()).as("green once the replicas are restored too").isTrue();
  }

  /**
   * NetworkPolicy enforced (ADR 39): every deploy, update and rollback above went through the apiservers'
   * service proxy into a default-deny namespace, so that flow's source is right; here the source itself
   * is read on the masters, then pods knock on the client Service's 9200: the gateway's flow gets
   * Elasticsearch's answer, the same pod in another namespace and an unlabelled pod in the gateway's
   * namespace are refused.
   */
  @Test
  @Order(7)
  void networkPolicyAdmitsTheGatewayAndRefusesEveryOtherPod() throws Exception {
    kubectl.ok("-n", "kube-flannel", "rollout", "status", "daemonset/kube-router", "--timeout=120s");
    String nodes = kubectl.ok("get", "nodes", "-l", "node-role.kubernetes.io/control-plane", "-o",
        "jsonpath={range .items[*]}{.metadata.name}={.spec.podCIDR}{\"\\n\"}{end}");
    for (String line : nodes.strip().lines().toList()) {
      String[] nameAndCidr = line.split("=");
      try (JschTransport ssh = ssh(nameAndCidr[0])) {
        // flannel names its vxlan device after the VNI (flannel.4096 here, the Windows-compatible default)
        String flannel = ssh.run("ip -4 -o addr show | grep ' flannel\\.'", java.time.Duration.ofSeconds(20), l -> { })
            .output().strip();
        System.out.println("apiserver source on " + nameAndCidr[0] + ": " + flannel + " (podCIDR " + nameAndCidr[1] + ")");
        assertThat(flannel).as("the service proxy's source is the flannel device's address, the first of the podCIDR")
            .contains(" " + nameAndCidr[1].replace("/24", "/32"));
      }
    }
    // the gateway's namespace in a spec of its own (the gateway test appends its own section to `spec`):
    // es deploy adds Elasticsearch's flow from it
    Path withGateway = lab.dir().resolve("cluster-with-elasticsearch-and-gateway-namespace.yaml");
    Files.writeString(withGateway, Files.readString(spec) + """
          pythonService:
            enabled: true
            namespace: platform
            host: gateway.es.lab.test
        """);
    LabSession.Cli deploy = cli("es", "deploy", "-f", withGateway.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(deploy.exit()).as(deploy.output()).isZero();
    System.out.println(kubectl.ok("-n", NAMESPACE, "get", "networkpolicy"));
    String service = kubectl.ok("-n", NAMESPACE, "get", "service", ElasticsearchDeployment.NAME, "-o",
        "jsonpath={.spec.clusterIP}");
    String gatewayLabels = "{app.kubernetes.io/name: platform-gateway, app.kubernetes.io/instance: platform-gateway}";
    long t = System.nanoTime();
    assertThat(LabElasticsearch.knock(kubectl, "platform", gatewayLabels, service, FROM))
        .as("the gateway's pods reach 9200").startsWith("HTTP/1.0 200").contains("You Know, for Search");
    timed("allowed: a gateway pod got Elasticsearch's answer", t);
    assertThat(LabElasticsearch.knock(kubectl, "intruder", gatewayLabels, service, FROM))
        .as("the same pod in another namespace").startsWith("refused");
    assertThat(LabElasticsearch.knock(kubectl, "platform", "{app: not-the-gateway}", service, FROM))
        .as("another pod of the gateway's namespace").startsWith("refused");
    timed("denied: two pods refused", t);
  }

  /** Stands for the orchestrator's process dying at a chosen point. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Lets the load run on a little, stops it, and checks: no failed request, no acknowledged write lost. */
  private static LoadGenerator.Stats stopAndAudit(LoadGenerator load, long settleMillis) throws Exception {
    Thread.sleep(settleMillis);
    LoadGenerator.Stats stats = load.stop();
    DocumentAudit audit = DocumentAudit.of(fleet().api(), LoadGenerator.INDEX, load.acknowledged());
    System.out.println("load: " + stats + "\naudit: " + audit);
    assertThat(stats.failedRequests()).as("failed requests: %s", stats.failures()).isZero();
    assertThat(audit.nothingLost()).as("%s", audit).isTrue();
    return stats;
  }

  private static StatefulSetFleet fleet() {
    return StatefulSetFleet.connect(kubeconfig,
        ElasticsearchDeployment.of(ClusterFacts.of(Validator.load(spec).spec())));
  }

  /** The NodePort answers once kube-proxy programmed it; the index is created then. */
  private static void awaitCreated(LoadGenerator load) throws Exception {
    long end = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        load.createIndex();
        return;
      } catch (Exception e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(1_000);
      }
    }
  }

  private static RunResult install(ClusterFacts facts, Path planDir, Path bundle) throws Exception {
    return LabSession.install(lab, facts, planDir, bundle);
  }

  private static LabHost host(String name) {
    return LabSession.host(lab, name);
  }

  private static JschTransport ssh(String name) {
    return LabSession.ssh(lab, name);
  }

  private static long timed(String what, long since) {
    double s = (System.nanoTime() - since) / 1e9;
    TIMINGS.put(what, Math.round(s * 10) / 10.0);
    System.out.printf("%s: %.1f s%n", what, s);
    return System.nanoTime();
  }

  private static LabSession.Cli cli(String... args) {
    return LabSession.cli(args);
  }
}
