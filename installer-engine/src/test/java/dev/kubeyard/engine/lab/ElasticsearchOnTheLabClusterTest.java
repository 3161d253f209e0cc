package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.apps.elasticsearch.DocumentAudit;
import dev.kubeyard.engine.apps.elasticsearch.LoadGenerator;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.ElasticsearchImage;
import dev.kubeyard.engine.bundle.PlanBundle;
import dev.kubeyard.engine.cli.Main;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.elasticsearch.StatefulSetFleet;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.engine.run.Executor;
import dev.kubeyard.engine.run.RunResult;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTarget;
import dev.kubeyard.engine.transport.SshTransports;
import dev.kubeyard.model.validate.Validator;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

/**
 * Elasticsearch on the real lab cluster (Kubernetes 1.35 from the offline bundle on nspawn machines):
 * {@code kubeyard es deploy} of 7.17.28 (1 master, 2 data nodes, heap 256m, image
 * kubeyard.local/elasticsearch built here from Debian's JRE and the Maven Central jars), documents
 * indexed through a NodePort, {@code kubeyard es update} to 7.17.29 under load (pods deleted and
 * recreated by the StatefulSet controller, gates through the apiserver's service proxy, the
 * pre-upgrade snapshot in a ReadWriteMany volume on the lab's shared folder), 0 lost documents, the
 * rollback to 7.17.28 refused, {@code kubeyard es status}. Tagged "lab" (lab/run-e2e.sh); skipped
 * without a bundle or the two es-harness builds. The lab stays up with -Dkubeyard.lab.keep=true; a
 * kept lab is reused by the next run (the install is then a no-op re-apply).
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchOnTheLabClusterTest {
  private static final String FROM = "7.17.28";
  private static final String TO = "7.17.29";
  private static final String NAMESPACE = "elastic";
  private static final int NODE_PORT = 30920;
  private static final Map<String, Double> TIMINGS = new LinkedHashMap<>();
  private static Lab lab;
  private static Kubectl kubectl;
  private static Path spec;
  private static Path kubeconfig;
  private static List<URI> endpoints;

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
    lab = new Lab(Lab.HOME, LabTopology.standard("es", "10.213.56"), Lab.MIRROR);
    lab.up(System.out::println);
    ClusterFacts facts = ClusterFacts.of(Validator.load(lab.specFile()).spec());
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
    LabElasticsearch.createVolumes(kubectl, lab.dir().resolve("shared"), "2Gi");
    t = timed("images imported into node1 and node2, volumes created", t);
    spec = lab.dir().resolve("cluster-with-elasticsearch.yaml");
    endpoints = LabElasticsearch.WORKERS.stream().map(n -> host(n).address())
        .map(a -> URI.create("http://" + a + ":" + NODE_PORT)).toList();
  }

  @AfterAll
  static void down() {
    System.out.println("timings (s): " + TIMINGS);
    if (lab != null && !Boolean.getBoolean("kubeyard.lab.keep")) {
      lab.down(line -> { });
    }
  }

  @Test
  @Order(1)
  void deploysElasticsearch17_28WithOneMasterAndTwoDataNodesOnTheWorkers() throws Exception {
    LabElasticsearch.writeSpec(lab.specFile(), spec, FROM);
    long t = System.nanoTime();
    Cli deploy = cli("es", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    timed("es deploy " + FROM, t);
    assertThat(deploy.exit()).as(deploy.output()).isZero();
    String pods = kubectl.ok("-n", NAMESPACE, "get", "pods", "-o",
        "jsonpath={range .items[*]}{.metadata.name}={.spec.nodeName}={.status.phase}{\"\\n\"}{end}");
    System.out.println(pods);
    assertThat(pods.lines()).hasSize(3).allSatisfy(l -> assertThat(l).endsWith("=Running"));
    assertThat(pods).contains("elasticsearch-data-0=node", "elasticsearch-data-1=node", "elasticsearch-master-0=node");
    assertThat(kubectl.ok("-n", NAMESPACE, "get", "pvc", "-o", "jsonpath={.items[*].status.phase}").split(" "))
        .hasSize(4).containsOnly("Bound");
    assertThat(fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly(FROM);
    assertThat(fleet().api().health().green()).isTrue();
  }

  @Test
  @Order(2)
  void rollsTo17_29UnderLoadWithoutLosingADocumentAndRefusesTheRollback() throws Exception {
    LabElasticsearch.exposeForLoad(kubectl, NAMESPACE, NODE_PORT);
    try (LoadGenerator load = LoadGenerator.at(endpoints)) {
      awaitCreated(load);
      load.start(2);
      Thread.sleep(10_000);
      LabElasticsearch.writeSpec(lab.specFile(), spec, TO);
      long t = System.nanoTime();
      Cli update = cli("es", "update", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
      timed("es update " + FROM + " -> " + TO + " under load", t);
      assertThat(update.exit()).as(update.output()).isZero();
      Thread.sleep(5_000);
      LoadGenerator.Stats stats = load.stop();
      DocumentAudit audit = DocumentAudit.of(fleet().api(), LoadGenerator.INDEX, load.acknowledged());
      System.out.println("load: " + stats + "\naudit: " + audit);
      assertThat(stats.failedRequests()).as("failed requests: %s", stats.failures()).isZero();
      assertThat(stats.acknowledgedWrites()).isGreaterThan(100);
      assertThat(audit.nothingLost()).as("%s", audit).isTrue();
    }
    assertThat(fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly(TO);
    assertThat(kubectl.ok("-n", NAMESPACE, "get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}").split(" "))
        .containsOnly(ElasticsearchImage.reference(TO));
    Cli snapshots = cli("es", "snapshot", "list", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(snapshots.output()).contains("pre-upgrade-" + FROM + "-to-" + TO + "-");
    assertThat(lab.dir().resolve("shared/es-snapshots/kubeyard")).as("the repository on the shared folder").isDirectory();

    UpdateRefused refused = catchThrowableOfType(() -> new RollingUpdate(fleet(), e -> { }).rollback(), UpdateRefused.class);
    assertThat(refused).as("the rollback").isNotNull();
    assertThat(refused.getMessage()).contains("refusing to roll Elasticsearch back from " + TO + " to " + FROM)
        .contains("cannot downgrade a node from version [" + TO + "] to version [" + FROM + "]");
    Cli rollback = cli("es", "rollback", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(rollback.exit()).isEqualTo(1);
    assertThat(fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly(TO);
    assertThat(fleet().api().health().green()).isTrue();
  }

  @Test
  @Order(3)
  void statusShowsEveryNodeOnTheNewVersionAndTheCompletedUpdate() {
    Cli status = cli("es", "status", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(status.exit()).isZero();
    assertThat(status.output()).contains("health: green (3 nodes").contains("last update: upgrade")
        .contains("completed");
    for (EsNode n : fleet().api().nodes()) {
      assertThat(status.output()).contains(n.name() + " " + TO);
    }
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
    ClusterPki.ensure(facts, planDir.resolve("pki"), Clock.systemUTC());
    Plan plan = PlanBuilder.write(facts, planDir, bundle, PlanBundle.read(bundle));
    return new Executor(planDir, new SshTransports(facts.spec(), SshSettings.of(lab.knownHosts())),
        RunSettings.defaults()).listener(e -> { }).run(plan);
  }

  private static LabHost host(String name) {
    return lab.topology().hosts().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  private static JschTransport ssh(String name) {
    LabHost h = host(name);
    return new JschTransport(new SshTarget(h.name(), h.address(), 22, "root", lab.privateKey(), null),
        SshSettings.of(lab.knownHosts()).withTrust(HostKeyTrust.REFUSE));
  }

  private static long timed(String what, long since) {
    double s = (System.nanoTime() - since) / 1e9;
    TIMINGS.put(what, Math.round(s * 10) / 10.0);
    System.out.printf("%s: %.1f s%n", what, s);
    return System.nanoTime();
  }

  /** The CLI in this JVM (the same code as ./kubeyard), its stdout and stderr also echoed. */
  private static Cli cli(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    try {
      System.setOut(new PrintStream(tee(out, captured), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(tee(err, captured), true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Cli(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static OutputStream tee(OutputStream a, OutputStream b) {
    return new OutputStream() {
      @Override
      public synchronized void write(int c) {
        try {
          b.write(c);
          a.write(c);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  record Cli(int exit, String output) {}
}
