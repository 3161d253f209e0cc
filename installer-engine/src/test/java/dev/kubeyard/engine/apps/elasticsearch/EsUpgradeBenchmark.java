package dev.kubeyard.engine.apps.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.local.HarnessFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTimeouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test: tools/es-bench.sh runs it. Upgrades a fresh 3-node cluster from 7.17.28 to 7.17.29
 * under the same load twice: with Kubeyard's gated procedure, and as a naive rolling restart (each
 * node stopped and started on the new version right after the previous one answers HTTP, no flush,
 * no allocation setting, no health or shard gates). Both are audited the same way once the cluster
 * is green again (or 3 minutes passed).
 */
public final class EsUpgradeBenchmark {
  private EsUpgradeBenchmark() {}

  record Result(String mode, long upgradeMillis, long settleMillis, LoadGenerator.Stats load, DocumentAudit audit,
      Map<UpdateEvent.Gate, Long> gateMillis, long snapshotMillis) {}

  public static void main(String[] args) throws Exception {
    List<Result> results = new ArrayList<>();
    for (String mode : List.of("kubeyard", "naive")) {
      results.add(run(mode));
    }
    System.out.println();
    System.out.printf("%-9s %9s %9s %7s %8s %9s %10s %7s %5s | %s%n", "procedure", "upgrade_s", "settle_s", "failed",
        "retried", "rerouted", "longest_s", "acked", "lost",
        "wait per gate (s): health_before copies_elsewhere rejoined health_after; snapshot");
    for (Result r : results) {
      System.out.printf("%-9s %9.1f %9.1f %7d %8d %9d %10.1f %7d %5d | %s%n", r.mode(), r.upgradeMillis() / 1000.0,
          r.settleMillis() / 1000.0, r.load().failedRequests(), r.load().retriedAttempts(), r.load().reroutedAttempts(),
          r.load().longestOperationMillis() / 1000.0, r.load().acknowledgedWrites(), r.audit().missing(),
          r.mode().equals("naive") ? "no gates" : gates(r));
    }
  }

  private static String gates(Result r) {
    StringBuilder s = new StringBuilder();
    for (UpdateEvent.Gate g : UpdateEvent.Gate.values()) {
      s.append(String.format("%.1f ", r.gateMillis().getOrDefault(g, 0L) / 1000.0));
    }
    return s.append(String.format("; %.1f", r.snapshotMillis() / 1000.0)).toString();
  }

  private static Result run(String mode) throws Exception {
    Path dir = Files.createTempDirectory("kubeyard-es-bench-");
    UpdateTarget old = new UpdateTarget(EsVersion.of(LocalEsCluster.OLD), RollingUpdateOnRealNodesTest.BASE);
    UpdateTarget target = new UpdateTarget(EsVersion.of(LocalEsCluster.NEW), RollingUpdateOnRealNodesTest.BASE);
    try (LocalEsCluster cluster = LocalEsCluster.deploy(dir.resolve("nodes"), "kubeyard-bench-" + mode, 3, old,
        dir.resolve("snapshots"))) {
      HarnessFleet fleet = cluster.fleet();
      LoadGenerator load = new LoadGenerator(cluster.httpPorts());
      load.createIndex();
      fleet.api().waitForHealth("green", 60);
      load.start(2);
      Thread.sleep(3_000);
      Map<UpdateEvent.Gate, Long> gates = new EnumMap<>(UpdateEvent.Gate.class);
      long[] snapshot = {0};
      long start = System.currentTimeMillis();
      if (mode.equals("kubeyard")) {
        UpdateListener measure = e -> {
          if (e instanceof UpdateEvent.GatePassed g) {
            gates.merge(g.gate(), g.waitedMillis(), Long::sum);
          } else if (e instanceof UpdateEvent.SnapshotTaken s) {
            snapshot[0] = s.millis();
          }
        };
        new RollingUpdate(fleet, cluster.listener().andThen(measure), RollingUpdateOnRealNodesTest.TIMEOUTS,
            Clock.systemUTC()).update(target);
      } else {
        for (String node : fleet.members()) {
          System.out.println("es-bench: naive restart of " + node);
          fleet.stop(node);
          fleet.start(node, target);
        }
      }
      long upgrade = System.currentTimeMillis() - start;
      long settleStart = System.currentTimeMillis();
      waitGreen(fleet, Duration.ofMinutes(3));
      long settle = System.currentTimeMillis() - settleStart;
      LoadGenerator.Stats stats = load.stop();
      DocumentAudit audit = DocumentAudit.of(fleet.api(), LoadGenerator.INDEX, load.acknowledged());
      System.out.println("es-bench: " + mode + ": " + stats + "; " + audit);
      return new Result(mode, upgrade, settle, stats, audit, gates, snapshot[0]);
    }
  }

  private static void waitGreen(HarnessFleet fleet, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (fleet.api().waitForHealth("green", 10).green()) {
          return;
        }
      } catch (RuntimeException e) {
        Thread.sleep(1_000);
      }
    }
  }
}
