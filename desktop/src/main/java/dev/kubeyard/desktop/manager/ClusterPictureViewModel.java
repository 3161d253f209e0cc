package dev.kubeyard.desktop.manager;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.engine.k8s.ClusterStatus.NodeStatus;
import dev.kubeyard.engine.pipeline.PlanPipeline;
import dev.kubeyard.engine.topology.ClusterTopology;
import dev.kubeyard.engine.topology.LiveState;
import dev.kubeyard.engine.topology.TopologyDrawing;
import dev.kubeyard.engine.topology.TopologyLayout;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Cluster tab's picture: the topology of the wizard's spec (the picture topology.svg holds), each
 * kubelet's box coloured by the Ready state the cluster reports now. The nodes come from the Cluster tab's
 * own reads, so the picture changes with every refresh. The VIP's current holder is not among them: the
 * Kubernetes API does not know it (ADR 26), and the picture says so.
 */
public final class ClusterPictureViewModel {
  private final Threads threads;
  private final ObservableList<NodeStatus> nodes;
  private final ObjectProperty<ClusterSpec> spec = new SimpleObjectProperty<>(this, "spec");
  private final ObjectProperty<TopologyDrawing> drawing = new SimpleObjectProperty<>(this, "drawing");
  private final BooleanProperty noSpec = new SimpleBooleanProperty(this, "noSpec", true);
  private final AtomicLong generation = new AtomicLong();
  private ClusterTopology topology;

  ClusterPictureViewModel(Threads threads, ObservableList<NodeStatus> nodes) {
    this.threads = threads;
    this.nodes = nodes;
    spec.addListener((o, old, now) -> rebuild());
    nodes.addListener((ListChangeListener<NodeStatus>) c -> redraw());
  }

  /** A new spec: its topology (validated, then laid out) in the background; an invalid spec has no picture. */
  private void rebuild() {
    long mine = generation.incrementAndGet();
    ClusterSpec s = spec.get();
    if (s == null) {
      show(mine, null, null);
      return;
    }
    LiveState live = liveState(List.copyOf(nodes));
    threads.run(() -> {
      ClusterTopology t = PlanPipeline.topology(Validator.requireValid(s));
      return new Drawn(t, TopologyLayout.draw(t, live));
    }, d -> show(mine, d.topology(), d.drawing()), e -> show(mine, null, null));
  }

  /** New node states: the same topology, coloured again, laid out in the background. */
  private void redraw() {
    ClusterTopology t = topology;
    if (t == null) {
      return;
    }
    long mine = generation.incrementAndGet();
    LiveState live = liveState(List.copyOf(nodes));
    threads.run(() -> TopologyLayout.draw(t, live), d -> show(mine, t, d), e -> show(mine, t, null));
  }

  private record Drawn(ClusterTopology topology, TopologyDrawing drawing) {}

  private void show(long mine, ClusterTopology t, TopologyDrawing d) {
    if (generation.get() == mine) { // a later spec or read has superseded this one
      topology = t;
      drawing.set(d);
      noSpec.set(d == null);
    }
  }

  /** No nodes read yet: the planned picture. A node is matched by its name or its InternalIP. */
  static LiveState liveState(List<NodeStatus> nodes) {
    if (nodes.isEmpty()) {
      return LiveState.planned();
    }
    Map<String, Boolean> ready = new HashMap<>();
    for (NodeStatus n : nodes) {
      if (n.internalIp() != null && !n.internalIp().isEmpty()) {
        ready.put(n.internalIp(), n.ready());
      }
      ready.put(n.name(), n.ready());
    }
    return LiveState.of(ready);
  }

  /** The cluster's spec: the shell binds it to the wizard's. */
  public ObjectProperty<ClusterSpec> specProperty() {
    return spec;
  }

  public ObjectProperty<TopologyDrawing> drawingProperty() {
    return drawing;
  }

  /** True while there is no valid spec to draw. */
  public BooleanProperty noSpecProperty() {
    return noSpec;
  }
}
