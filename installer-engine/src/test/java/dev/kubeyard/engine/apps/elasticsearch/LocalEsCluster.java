package dev.kubeyard.engine.apps.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.local.HarnessCluster;
import dev.kubeyard.engine.apps.elasticsearch.local.HarnessFleet;
import dev.kubeyard.engine.apps.elasticsearch.local.LocalNodes;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEventText;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.testing.RepoRoot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Real harness nodes on free loopback ports for a test; events are printed and kept. */
public final class LocalEsCluster implements AutoCloseable {
  public static final String OLD = "7.17.28";
  public static final String NEW = "7.17.29";
  private final List<UpdateEvent> events = Collections.synchronizedList(new ArrayList<>());
  private HarnessFleet fleet;

  private LocalEsCluster() {}

  /** Deploys {@code count} nodes on {@code target}; {@code repo} (path.repo) may be shared with another cluster. */
  public static LocalEsCluster deploy(Path dir, String name, int count, UpdateTarget target, Path repo)
      throws InterruptedException {
    LocalNodes layout = LocalNodes.layout(dir, name, RepoRoot.path().resolve("tools/es-harness/run-es.sh"), count,
        freeBase(count));
    layout = new LocalNodes(layout.cluster(), layout.harness(), repo.toString(), layout.nodes());
    LocalEsCluster c = new LocalEsCluster();
    c.fleet = HarnessCluster.deploy(layout, target, c.listener());
    return c;
  }

  public HarnessFleet fleet() {
    return fleet;
  }

  /** A fresh fleet object over the same nodes: what another machine running Kubeyard would have. */
  public HarnessFleet freshFleet() {
    return new HarnessFleet(fleet.layout());
  }

  public UpdateListener listener() {
    return e -> {
      events.add(e);
      System.out.println("es-update: " + UpdateEventText.of(e));
    };
  }

  public List<UpdateEvent> events() {
    return List.copyOf(events);
  }

  public void clearEvents() {
    events.clear();
  }

  public List<Integer> httpPorts() {
    return fleet.layout().httpPorts();
  }

  /** A base such that base+1..base+count and base+101..base+100+count are free on 127.0.0.1. */
  private static int freeBase(int count) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20000 + ThreadLocalRandom.current().nextInt(200) * 100;
      boolean free = true;
      for (int i = 1; i <= count && free; i++) {
        free = free(base + i) && free(base + 100 + i);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free loopback ports found");
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (fleet != null) {
      HarnessCluster.stop(fleet);
    }
  }
}
