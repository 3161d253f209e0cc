package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The safe restart of one node, resumable at every step: gates, flush, allocation to primaries,
 * stop, start on the target, wait to rejoin, allocation back to all, wait for health. The state is
 * saved before the node stops, so whoever resumes knows a node is down on purpose.
 */
final class NodeRestart {
  private final ElasticsearchFleet fleet;
  private final ElasticsearchApi api;
  private final UpdateGates gates;
  private final UpdateListener listener;
  private final Clock clock;

  NodeRestart(ElasticsearchFleet fleet, UpdateGates gates, UpdateListener listener, Clock clock) {
    this.fleet = fleet;
    this.api = fleet.api();
    this.gates = gates;
    this.listener = listener;
    this.clock = clock;
  }

  /** Brings {@code node} to the state's target; returns the state with the node done. */
  UpdateState run(UpdateState state, String node) throws InterruptedException {
    long start = clock.millis();
    UpdateTarget target = state.to();
    List<String> members = fleet.members();
    boolean upgrade = state.changesVersion();
    int index = state.order().indexOf(node) + 1;
    listener.on(new UpdateEvent.NodeUpdateStarted(clock.instant(), node, index, state.order().size()));
    Optional<EsNode> joined = fleet.running(node) ? api.node(node) : Optional.empty();
    boolean resumingThisNode = node.equals(state.current());
    if (joined.isPresent() && joined.get().runs(target.version(), target.revision()) && !resumingThisNode) {
      listener.on(new UpdateEvent.NodeSkipped(clock.instant(), node, "already runs " + target));
      return state.withDone(node);
    }
    UpdateStateStore store = fleet.stateStore();
    if (joined.isEmpty() || !joined.get().runs(target.version(), target.revision())) {
      if (joined.isPresent()) {
        if (!"all".equals(api.allocation()) && !resumingThisNode) {
          setAllocation(node, null); // an interrupted run left it; no node is down on purpose now
        }
        gates.healthBefore(node, members, upgrade);
        gates.copiesElsewhere(node);
        long flushStart = clock.millis();
        api.flush();
        listener.on(new UpdateEvent.Flushed(clock.instant(), node, clock.millis() - flushStart));
        setAllocation(node, "primaries");
      }
      state = state.withCurrent(node).withStartedOnNewVersion(node);
      store.save(state);
      if (fleet.running(node)) {
        long stopStart = clock.millis();
        fleet.stop(node);
        listener.on(new UpdateEvent.NodeStopped(clock.instant(), node, clock.millis() - stopStart));
      }
      listener.on(new UpdateEvent.NodeStarting(clock.instant(), node, target.version().toString(),
          target.revision().id()));
      fleet.start(node, target);
    }
    gates.rejoined(node, target);
    setAllocation(node, null);
    gates.healthAfter(node, members, upgrade);
    state = state.withDone(node);
    store.save(state);
    listener.on(new UpdateEvent.NodeUpdated(clock.instant(), node, clock.millis() - start, state.done().size(),
        state.order().size()));
    return state;
  }

  private void setAllocation(String node, String value) {
    api.setAllocation(value);
    listener.on(new UpdateEvent.AllocationSet(clock.instant(), node, value == null ? "all (setting removed)" : value));
  }
}
