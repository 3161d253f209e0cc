package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.UpgradePath;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The update orchestrator: one procedure for every fleet (harness processes, StatefulSets). It starts
 * an update, resumes the one stored in the cluster, or rolls back the last one, restarting one node
 * at a time through {@link NodeRestart}.
 */
public final class RollingUpdate {
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private final ElasticsearchFleet fleet;
  private final ElasticsearchApi api;
  private final UpdateListener listener;
  private final Clock clock;
  private final NodeRestart restart;

  public RollingUpdate(ElasticsearchFleet fleet, UpdateListener listener, UpdateTimeouts timeouts, Clock clock) {
    this.fleet = fleet;
    this.api = fleet.api();
    this.listener = listener;
    this.clock = clock;
    this.restart = new NodeRestart(fleet, new UpdateGates(api, timeouts, listener, clock), listener, clock);
  }

  public RollingUpdate(ElasticsearchFleet fleet, UpdateListener listener) {
    this(fleet, listener, UpdateTimeouts.defaults(), Clock.systemUTC());
  }

  /** Records a freshly deployed cluster's version and revision: the baseline later updates start from. */
  public UpdateState recordDeployment(UpdateTarget deployed) {
    UpdateState s = UpdateState.deployed(newId(), deployed, fleet.members());
    fleet.stateStore().save(s);
    return s;
  }

  /** Starts an update to {@code target}, or resumes the stored one when it has the same target. */
  public UpdateState update(UpdateTarget target) throws InterruptedException {
    UpdateStateStore store = fleet.stateStore();
    Optional<UpdateState> stored = store.load();
    if (stored.isPresent() && stored.get().inProgress()) {
      if (stored.get().to().equals(target)) {
        return resume();
      }
      throw refused(new UpdateRefused("an update to " + stored.get().to() + " is in progress (" + stored.get().describe()
          + "), not to " + target, "finish it with `kubeyard es update` (same target) or `kubeyard es rollback`"));
    }
    UpdateTarget current = stored.map(UpdateState::to).orElseThrow(() -> refused(new UpdateRefused(
        "no deployment is recorded in " + store.describe(), "deploy the cluster with `kubeyard es deploy` first")));
    if (current.equals(target)) {
      throw refused(new UpdateRefused("every node is meant to run " + target + " already", "nothing to do"));
    }
    UpgradePath.refusal(current.version(), target.version()).ifPresent(reason -> {
      throw refused(new UpdateRefused(reason, "choose an allowed version"));
    });
    List<String> order;
    try {
      order = UpdateOrder.of(fleet.members(), api.nodes(), api.electedMasterId());
    } catch (UpdateRefused e) {
      throw refused(e);
    }
    UpdateState.Kind kind = current.version().equals(target.version()) ? UpdateState.Kind.CONFIG
        : UpdateState.Kind.UPGRADE;
    return run(start(kind, current, target, order));
  }

  /** Continues the update stored in the cluster from where it stopped, on any machine. */
  public UpdateState resume() throws InterruptedException {
    UpdateState s = fleet.stateStore().load().filter(UpdateState::inProgress).orElseThrow(() -> refused(
        new UpdateRefused("no update is in progress", "start one with `kubeyard es update`")));
    listener.on(new UpdateEvent.UpdateResumed(clock.instant(), s.id(), s.done(), s.current()));
    return run(s);
  }

  /** Rolls the last update back when that is possible, else refuses and says what is possible. */
  public UpdateState rollback() throws InterruptedException {
    UpdateState last = fleet.stateStore().load().orElseThrow(() -> refused(
        new UpdateRefused("no update is recorded for this cluster", "nothing to roll back")));
    if (last.kind() == UpdateState.Kind.ROLLBACK && last.inProgress()) {
      return resume(); // an interrupted rollback goes on where it stopped
    }
    try {
      RollbackDecision decision = RollbackDecision.of(last, api.nodes());
      if (decision.cancelOnly()) {
        api.setAllocation(null);
        fleet.prepare(last.from());
        UpdateState cancelled = last.withPhase(UpdateState.Phase.CANCELLED);
        fleet.stateStore().save(cancelled);
        listener.on(new UpdateEvent.UpdateFinished(clock.instant(), last.id(), "cancelled",
            "no node ran " + last.toVersion() + "; every node stays on " + last.from(), 0));
        return cancelled;
      }
      List<String> order = last.order().isEmpty() ? fleet.members() : last.order();
      return run(start(UpdateState.Kind.ROLLBACK, last.to(), last.from(), order));
    } catch (UpdateRefused e) {
      throw refused(e);
    }
  }

  private UpdateState start(UpdateState.Kind kind, UpdateTarget from, UpdateTarget to, List<String> order)
      throws InterruptedException {
    String id = newId();
    UpdateState s = new UpdateState(id, kind, UpdateState.Phase.IN_PROGRESS, from.version().toString(),
        to.version().toString(), from.revision(), to.revision(), order, List.of(), null, List.of(), null);
    listener.on(new UpdateEvent.UpdateStarted(clock.instant(), id, kind.name().toLowerCase(), from.toString(),
        to.toString(), order));
    if (s.changesVersion()) {
      s = s.withSnapshot(snapshot(from.version(), to.version(), id));
    }
    fleet.stateStore().save(s);
    return s;
  }

  private String snapshot(EsVersion from, EsVersion to, String id) {
    long t = clock.millis();
    String name = "pre-upgrade-" + from + "-to-" + to + "-" + id;
    int indices = new PreUpgradeSnapshot(api, fleet.snapshotLocation()).take(name);
    listener.on(new UpdateEvent.SnapshotTaken(clock.instant(), PreUpgradeSnapshot.REPOSITORY, name, indices,
        clock.millis() - t));
    return name;
  }

  private UpdateState run(UpdateState s) throws InterruptedException {
    long start = clock.millis();
    fleet.prepare(s.to());
    for (String node : s.order()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("update " + s.id() + " interrupted before " + node);
      }
      if (!s.done().contains(node)) {
        s = restart.run(s, node);
      }
    }
    if (!"all".equals(api.allocation())) {
      api.setAllocation(null);
    }
    s = s.withPhase(UpdateState.Phase.COMPLETED);
    fleet.stateStore().save(s);
    listener.on(new UpdateEvent.UpdateFinished(clock.instant(), s.id(), "completed",
        "every node runs " + s.to(), clock.millis() - start));
    return s;
  }

  private UpdateRefused refused(UpdateRefused e) {
    listener.on(new UpdateEvent.UpdateRefused(clock.instant(), e.getMessage(), e.hint()));
    return e;
  }

  private String newId() {
    return ID.format(clock.instant());
  }
}
