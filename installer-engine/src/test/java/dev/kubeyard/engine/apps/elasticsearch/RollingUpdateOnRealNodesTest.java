package dev.kubeyard.engine.apps.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.apps.elasticsearch.local.HarnessFleet;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import dev.kubeyard.engine.apps.elasticsearch.update.PreUpgradeSnapshot;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTimeouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Three real Elasticsearch nodes (harness processes from the Maven Central jars) driven by the same
 * orchestrator as Kubernetes, through the node-restart adapter, while a load generator writes and
 * reads. The scenarios build on each other, in order. Run by tools/es-tests.sh
 * (-Dkubeyard.es.realNodes=true), which builds both harness versions first.
 */
@EnabledIfSystemProperty(named = "kubeyard.es.realNodes", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RollingUpdateOnRealNodesTest {
  static final ConfigRevision BASE = ConfigRevision.of("256m", Map.of());
  static final ConfigRevision TUNED = ConfigRevision.of("288m", Map.of("indices.memory.index_buffer_size", "15%"));
  static final UpdateTimeouts TIMEOUTS = new UpdateTimeouts(Duration.ofMinutes(2), Duration.ofMinutes(2),
      Duration.ofMinutes(3), Duration.ofMinutes(3), Duration.ofMillis(500));

  Path dir;
  LocalEsCluster cluster;
  long acknowledgedBeforeUpgrade;
  long acknowledgedAfterSnapshot;
  String snapshot;

  @BeforeAll
  void deployThreeNodesOnTheOldVersion() throws Exception {
    dir = Files.createTempDirectory("kubeyard-es-");
    cluster = LocalEsCluster.deploy(dir.resolve("main"), "kubeyard-rolling", 3,
        new UpdateTarget(EsVersion.of(LocalEsCluster.OLD), BASE), dir.resolve("snapshots"));
    new LoadGenerator(cluster.httpPorts()).createIndex();
  }

  @AfterAll
  void stopEveryNode() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  RollingUpdate orchestrator(HarnessFleet fleet, UpdateListener listener) {
    return new RollingUpdate(fleet, listener, TIMEOUTS, Clock.systemUTC());
  }

  @Test
  @Order(1)
  void upgradesEveryNodeToTheNewPatchVersionUnderLoadWithoutAFailedRequestOrALostDocument() throws Exception {
    LoadGenerator load = new LoadGenerator(cluster.httpPorts());
    load.start(2);
    Thread.sleep(2_000);
    acknowledgedBeforeUpgrade = load.stats().acknowledgedWrites();
    UpdateListener listener = cluster.listener().andThen(e -> {
      if (e instanceof UpdateEvent.SnapshotTaken s) {
        acknowledgedAfterSnapshot = load.stats().acknowledgedWrites();
        snapshot = s.snapshot();
      }
    });
    UpdateState done = orchestrator(cluster.fleet(), listener).update(new UpdateTarget(EsVersion.of(LocalEsCluster.NEW),
        BASE));
    LoadGenerator.Stats stats = load.stop();
    System.out.println("es-load: " + stats);
    DocumentAudit audit = DocumentAudit.of(cluster.fleet().api(), LoadGenerator.INDEX, load.acknowledged());
    System.out.println("es-audit: " + audit);

    assertThat(done.phase()).isEqualTo(UpdateState.Phase.COMPLETED);
    assertThat(cluster.fleet().api().nodes()).extracting(n -> n.version().toString())
        .containsOnly(LocalEsCluster.NEW).hasSize(3);
    assertThat(stats.failedRequests()).as(stats.toString()).isZero();
    assertThat(stats.acknowledgedWrites()).isGreaterThan(50);
    assertThat(audit.nothingLost()).as(audit.toString()).isTrue();
    assertThat(snapshot).startsWith("pre-upgrade-7.17.28-to-7.17.29-");
    assertThat(cluster.events()).filteredOn(e -> e instanceof UpdateEvent.GatePassed)
        .hasSize(3 * UpdateEvent.Gate.values().length);
    assertThat(cluster.fleet().api().allocation()).isEqualTo("all");
  }

  @Test
  @Order(2)
  void refusesToRollTheVersionBackOnceANodeRanItExplainsWhyAndOffersTheSnapshot() {
    assertThatThrownBy(() -> orchestrator(cluster.fleet(), cluster.listener()).rollback())
        .isInstanceOf(UpdateRefused.class)
        .hasMessageContaining("cannot downgrade a node from version [7.17.29] to version [7.17.28]")
        .hasMessageContaining("n1, n2, n3")
        .satisfies(e -> assertThat(((UpdateRefused) e).hint()).contains(snapshot).contains("7.17.28"));
    assertThat(cluster.fleet().api().waitForHealth("green", 30).green()).isTrue();
    assertThat(cluster.fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly("7.17.29");
  }

  @Test
  @Order(3)
  void aNodeStartedOnTheOldVersionReallyExitsOnDataTheNewVersionWrote() throws Exception {
    HarnessFleet fleet = cluster.fleet();
    String node = fleet.members().get(2);
    fleet.stop(node); // what a naive rollback does: restart the node on the old version
    assertThatThrownBy(() -> fleet.start(node, new UpdateTarget(EsVersion.of(LocalEsCluster.OLD), BASE)))
        .hasMessageContaining("cannot downgrade a node from version [7.17.29] to version [7.17.28]");
    fleet.start(node, new UpdateTarget(EsVersion.of(LocalEsCluster.NEW), BASE));
    assertThat(fleet.api().waitForHealth("green", 120).green()).isTrue();
  }

  @Test
  @Order(4)
  void resumesAConfigChangeInterruptedMidNodeFromTheStateStoredInTheCluster() throws Exception {
    LoadGenerator load = new LoadGenerator(cluster.httpPorts());
    load.start(2);
    UpdateTarget tuned = new UpdateTarget(EsVersion.of(LocalEsCluster.NEW), TUNED);
    UpdateListener crashAtSecondStop = cluster.listener().andThen(e -> {
      if (e instanceof UpdateEvent.NodeStopped s && !s.node().equals(firstInOrder())) {
        throw new SimulatedCrash(); // the orchestrator dies with a node down and allocation at primaries
      }
    });
    assertThatThrownBy(() -> orchestrator(cluster.fleet(), crashAtSecondStop).update(tuned))
        .isInstanceOf(SimulatedCrash.class);
    HarnessFleet elsewhere = cluster.freshFleet();
    UpdateState interrupted = elsewhere.stateStore().load().orElseThrow();
    assertThat(interrupted.inProgress()).isTrue();
    assertThat(interrupted.done()).hasSize(1);
    assertThat(interrupted.current()).isNotNull();
    assertThat(elsewhere.running(interrupted.current())).isFalse();

    UpdateState resumed = orchestrator(elsewhere, cluster.listener()).resume();
    LoadGenerator.Stats stats = load.stop();
    System.out.println("es-load: " + stats);
    assertThat(resumed.phase()).isEqualTo(UpdateState.Phase.COMPLETED);
    assertThat(elsewhere.api().nodes()).allMatch(n -> n.runs(EsVersion.of(LocalEsCluster.NEW), TUNED));
    assertThat(stats.failedRequests()).as(stats.toString()).isZero();
    assertThat(DocumentAudit.of(elsewhere.api(), LoadGenerator.INDEX, load.acknowledged()).nothingLost()).isTrue();
  }

  @Test
  @Order(5)
  void rollsTheConfigChangeBackWithTheSameSafeProcedureUnderLoad() throws Exception {
    LoadGenerator load = new LoadGenerator(cluster.httpPorts());
    load.start(2);
    UpdateState rolledBack = orchestrator(cluster.fleet(), cluster.listener()).rollback();
    LoadGenerator.Stats stats = load.stop();
    System.out.println("es-load: " + stats);
    DocumentAudit audit = DocumentAudit.of(cluster.fleet().api(), LoadGenerator.INDEX, load.acknowledged());
    assertThat(rolledBack.kind()).isEqualTo(UpdateState.Kind.ROLLBACK);
    assertThat(rolledBack.phase()).isEqualTo(UpdateState.Phase.COMPLETED);
    assertThat(cluster.fleet().api().nodes()).extracting(EsNode::configRevision).containsOnly(BASE.id());
    assertThat(stats.failedRequests()).as(stats.toString()).isZero();
    assertThat(audit.nothingLost()).as(audit.toString()).isTrue();
  }

  @Test
  @Order(6)
  void restoresThePreUpgradeSnapshotIntoANewClusterOnTheOldVersion() throws Exception {
    cluster.close(); // frees the CPU for the old-version node
    try (LocalEsCluster old = LocalEsCluster.deploy(dir.resolve("restore"), "kubeyard-restore", 1,
        new UpdateTarget(EsVersion.of(LocalEsCluster.OLD), BASE), dir.resolve("snapshots"))) {
      PreUpgradeSnapshot snapshots = new PreUpgradeSnapshot(old.fleet().api(), "kubeyard");
      assertThat(snapshots.list()).contains(snapshot);
      assertThat(snapshots.restore(snapshot)).isEqualTo(1);
      long restored = old.fleet().api().call("GET", "/" + LoadGenerator.INDEX + "/_count", null, 200)
          .path("count").asLong();
      // writes in flight while the snapshot started may be in it too: at most one per writer thread
      assertThat(restored).isBetween(acknowledgedBeforeUpgrade, acknowledgedAfterSnapshot + 2);
      assertThat(old.fleet().api().nodes()).extracting(n -> n.version().toString()).containsOnly("7.17.28");
    }
  }

  private String firstInOrder() {
    return cluster.events().stream().filter(e -> e instanceof UpdateEvent.UpdateStarted).map(e -> 
        ((UpdateEvent.UpdateStarted) e).order().get(0)).reduce((a, b) -> b).orElseThrow();
  }

  /** Stands for the orchestrator's process dying at a chosen point. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
