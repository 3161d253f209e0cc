package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.AllocationSet;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.Flushed;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.GatePassed;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.GateWaiting;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.NodeSkipped;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.NodeStarting;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.NodeStopped;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.NodeUpdateStarted;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.NodeUpdated;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.SnapshotTaken;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.UpdateFinished;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.UpdateResumed;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.UpdateStarted;

/** One line of text per update event, for the command line and test logs. */
public final class UpdateEventText {
  private UpdateEventText() {}

  public static String of(UpdateEvent e) {
    if (e instanceof UpdateStarted s) {
      return "update " + s.id() + " (" + s.kind() + "): " + s.from() + " → " + s.to() + ", order " + s.order();
    } else if (e instanceof UpdateResumed r) {
      return "resuming update " + r.id() + ": done " + r.done() + (r.current() == null ? "" : ", was restarting "
          + r.current());
    } else if (e instanceof SnapshotTaken s) {
      return "snapshot " + s.repository() + "/" + s.snapshot() + " of " + s.indices() + " indices in " + s.millis()
          + " ms";
    } else if (e instanceof NodeUpdateStarted n) {
      return "[" + n.index() + "/" + n.total() + "] " + n.node();
    } else if (e instanceof NodeSkipped n) {
      return "  " + n.node() + ": skipped, " + n.reason();
    } else if (e instanceof GateWaiting g) {
      return "  " + g.node() + ": waiting on " + g.gate() + ": " + g.detail();
    } else if (e instanceof GatePassed g) {
      return "  " + g.node() + ": " + g.gate() + " passed after " + g.waitedMillis() + " ms";
    } else if (e instanceof Flushed f) {
      return "  " + f.node() + ": flushed in " + f.millis() + " ms";
    } else if (e instanceof AllocationSet a) {
      return "  " + a.node() + ": allocation " + a.value();
    } else if (e instanceof NodeStopped s) {
      return "  " + s.node() + ": stopped in " + s.millis() + " ms";
    } else if (e instanceof NodeStarting s) {
      return "  " + s.node() + ": starting " + s.version() + " revision " + s.revision();
    } else if (e instanceof NodeUpdated n) {
      return "  " + n.node() + ": done in " + n.millis() + " ms (" + n.doneNodes() + "/" + n.totalNodes() + ")";
    } else if (e instanceof UpdateFinished f) {
      return "update " + f.id() + " " + f.outcome() + " in " + f.millis() + " ms: " + f.summary();
    } else if (e instanceof UpdateEvent.UpdateRefused r) {
      return "refused: " + r.reason() + "\n  what to do: " + r.hint();
    }
    return e.toString();
  }
}
