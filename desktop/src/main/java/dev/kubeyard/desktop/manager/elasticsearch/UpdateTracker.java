package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;

/**
 * Follows a running update from the engine's events, on the UI thread: each node's step and the
 * summary's progress. The tab's view model owns it and lays the steps onto its nodes table.
 */
final class UpdateTracker {
  private final ObjectProperty<UpdateProgress> progress;
  private final Supplier<UpdateState> stored;
  private final Runnable nodeUpdated;
  private final Map<String, NodeRow> steps = new LinkedHashMap<>();

  /**
   * @param stored the update the cluster has stored, which a resumed update continues
   * @param nodeUpdated called after a node finished, so its new version and revision can be read
   */
  UpdateTracker(ObjectProperty<UpdateProgress> progress, Supplier<UpdateState> stored, Runnable nodeUpdated) {
    this.progress = progress;
    this.stored = stored;
    this.nodeUpdated = nodeUpdated;
  }

  /** Forgets the steps of the previous action. */
  void clear() {
    steps.clear();
  }

  void on(UpdateEvent e) {
    UpdateProgress p = progress.get();
    if (e instanceof UpdateEvent.UpdateStarted s) {
      steps.clear();
      s.order().forEach(n -> step(n, NodeStep.QUEUED, ""));
      progress.set(new UpdateProgress(s.kind(), s.from(), s.to(), "running", 0, s.order().size(), null));
    } else if (e instanceof UpdateEvent.UpdateResumed r) {
      UpdateState last = stored.get();
      List<String> order = last == null ? List.of() : last.order();
      steps.clear();
      order.forEach(n -> step(n, r.done().contains(n) ? NodeStep.DONE : NodeStep.QUEUED, ""));
      progress.set(last == null ? null
          : UpdateProgress.of(last).with("running", r.done().size(), order.size(), r.current()));
    } else if (e instanceof UpdateEvent.NodeUpdateStarted n) {
      step(n.node(), NodeStep.STARTED, "");
      progress(p, n.node(), -1);
    } else if (e instanceof UpdateEvent.NodeSkipped n) {
      step(n.node(), NodeStep.SKIPPED, "");
      progress(p, null, done());
    } else if (e instanceof UpdateEvent.GateWaiting g) {
      step(g.node(), NodeStep.WAITING, g.gate().name());
    } else if (e instanceof UpdateEvent.GatePassed g) {
      step(g.node(), NodeStep.CHECKED, g.gate().name());
    } else if (e instanceof UpdateEvent.Flushed f) {
      step(f.node(), NodeStep.FLUSHED, "");
    } else if (e instanceof UpdateEvent.NodeStopped s) {
      step(s.node(), NodeStep.STOPPED, "");
    } else if (e instanceof UpdateEvent.NodeStarting s) {
      step(s.node(), NodeStep.STARTING, "");
    } else if (e instanceof UpdateEvent.NodeUpdated n) {
      step(n.node(), NodeStep.DONE, "");
      progress(p, null, n.doneNodes());
      nodeUpdated.run();
    } else if (e instanceof UpdateEvent.UpdateFinished f) {
      if (p != null) {
        progress.set(p.with(f.outcome(), "completed".equals(f.outcome()) ? p.total() : p.done(), p.total(), null));
      }
    }
  }

  /** The action failed: a running summary stays where it stopped, marked failed. */
  void failed() {
    UpdateProgress p = progress.get();
    if (p != null && "running".equals(p.phase())) {
      progress.set(p.with("failed", p.done(), p.total(), p.current()));
    }
  }

  /** Sets each tracked node's step on its row; a node the cluster does not report gets a row of its own. */
  void stepsOnto(Map<String, NodeRow> rows) {
    steps.forEach((name, step) -> {
      NodeRow r = rows.getOrDefault(name, new NodeRow(name, "", "", "", false, false, NodeStep.NONE, ""));
      rows.put(name, new NodeRow(r.name(), r.version(), r.revision(), r.roles(), r.inCluster(), r.running(),
          step.step(), step.gate()));
    });
  }

  private void step(String node, NodeStep step, String gate) {
    steps.put(node, new NodeRow(node, "", "", "", false, false, step, gate));
  }

  private int done() {
    return (int) steps.values().stream().filter(r -> r.step() == NodeStep.DONE || r.step() == NodeStep.SKIPPED).count();
  }

  private void progress(UpdateProgress p, String current, int done) {
    if (p != null) {
      progress.set(p.with(p.phase(), done < 0 ? p.done() : done, p.total(), current));
    }
  }
}
