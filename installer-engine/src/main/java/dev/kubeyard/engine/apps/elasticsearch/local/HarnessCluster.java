package dev.kubeyard.engine.apps.elasticsearch.local;

import dev.kubeyard.engine.apps.elasticsearch.rest.ClusterHealth;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Deploys and removes a local cluster of harness nodes: the local counterpart of `es deploy`. */
public final class HarnessCluster {
  private HarnessCluster() {}

  /**
   * Starts every node on {@code target} (bootstrapping with cluster.initial_master_nodes, which later
   * starts leave out), waits for green and records the deployment in the cluster.
   */
  public static HarnessFleet deploy(LocalNodes layout, UpdateTarget target, UpdateListener listener)
      throws InterruptedException {
    HarnessFleet fleet = new HarnessFleet(layout);
    String masters = String.join(",", fleet.members());
    ExecutorService pool = Executors.newFixedThreadPool(layout.nodes().size());
    try {
      List<Future<Object>> starts = new ArrayList<>();
      for (String node : fleet.members()) {
        starts.add(pool.submit(() -> {
          fleet.start(node, target, Optional.of(masters));
          return null;
        }));
      }
      for (Future<Object> f : starts) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a harness node did not start: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    ClusterHealth h = fleet.api().waitForHealth("green", 120);
    if (!h.green() || h.nodes() != layout.nodes().size()) {
      throw new IllegalStateException("the local cluster did not become green with every node: " + h);
    }
    new RollingUpdate(fleet, listener).recordDeployment(target);
    return fleet;
  }

  /** Stops every node that runs; data stays in each node's home. */
  public static void stop(HarnessFleet fleet) throws InterruptedException {
    for (String node : fleet.members()) {
      if (fleet.running(node)) {
        fleet.stop(node);
      }
    }
  }
}
