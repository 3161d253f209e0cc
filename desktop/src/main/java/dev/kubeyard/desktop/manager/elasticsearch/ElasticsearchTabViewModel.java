package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.engine.apps.elasticsearch.rest.ClusterHealth;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.FleetStatus;
import dev.kubeyard.engine.apps.elasticsearch.update.PreUpgradeSnapshot;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEventText;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.ElasticsearchSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's Elasticsearch tab: status (health, allocation, nodes with version, revision and
 * roles, the last update, snapshots) and the CLI's actions (deploy, update, resume, rollback,
 * snapshot, restore), run through the engine in the background. Update events arrive on the
 * engine's thread and are handed to the UI executor one by one (a few per node, so no batching).
 *
 * <p>Inputs: the spec (its apps.elasticsearch) and the kubeconfig; the tab connects when it is
 * {@linkplain #activeProperty() active} and either input changed.
 */
public final class ElasticsearchTabViewModel {
  private static final DateTimeFormatter SNAPSHOT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
      .withZone(ZoneId.of("UTC"));

  private final EsConnector connector;
  private final Threads threads;
  private final Clock clock;
  private final ObjectProperty<ClusterSpec> spec = new SimpleObjectProperty<>(this, "spec");
  private final StringProperty kubeconfig = new SimpleStringProperty(this, "kubeconfig", "");
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
  private final ObjectProperty<AppAvailability> availability = new SimpleObjectProperty<>(this, "availability",
      AppAvailability.NOT_ENABLED);
  private final ObjectProperty<ElasticsearchAction> running = new SimpleObjectProperty<>(this, "running");
  private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
  private final StringProperty fleet = new SimpleStringProperty(this, "fleet", "");
  private final StringProperty wanted = new SimpleStringProperty(this, "wanted", "");
  private final ObjectProperty<ClusterHealth> health = new SimpleObjectProperty<>(this, "health");
  private final StringProperty allocation = new SimpleStringProperty(this, "allocation", "");
  private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
  private final ObjectProperty<UpdateState> lastUpdate = new SimpleObjectProperty<>(this, "lastUpdate");
  private final ObjectProperty<UpdateProgress> progress = new SimpleObjectProperty<>(this, "progress");
  private final ObservableList<String> snapshots = FXCollections.observableArrayList();
  private final ObjectProperty<String> selectedSnapshot = new SimpleObjectProperty<>(this, "selectedSnapshot");
  // after each finished node a quiet read: its new version and revision, while the next one restarts
  private final UpdateTracker tracker = new UpdateTracker(progress, lastUpdate::get, () -> reload(true));
  private final ActionOutcome outcome;
  private FleetStatus status;
  private EsConnection connection;
  private Object connectedTo;
  private long generation;

  public ElasticsearchTabViewModel(EsConnector connector, Threads threads) {
    this(connector, threads, Clock.systemUTC());
  }

  public ElasticsearchTabViewModel(EsConnector connector, Threads threads, Clock clock) {
    this.connector = connector;
    this.threads = threads;
    this.clock = clock;
    this.outcome = new ActionOutcome(clock);
    spec.addListener(o -> inputsChanged());
    kubeconfig.addListener(o -> inputsChanged());
    active.addListener(o -> inputsChanged());
  }

  // ---- connection and status

  private void inputsChanged() {
    ClusterSpec s = spec.get();
    ElasticsearchSpec es = s == null || s.apps() == null ? null : s.apps().elasticsearch();
    if (es == null || !Boolean.TRUE.equals(es.enabled())) {
      disconnect(AppAvailability.NOT_ENABLED);
    } else if (kubeconfig.get() == null || kubeconfig.get().isEmpty()) {
      disconnect(AppAvailability.NO_CLUSTER);
    } else if (active.get() && !java.util.Arrays.asList(kubeconfig.get(), es, s.metadata()).equals(connectedTo)) {
      connect();
    }
  }

  private void disconnect(AppAvailability why) {
    if (running.get() != null) {
      return; // an action runs on the cluster it started on; the inputs are looked at again afterwards
    }
    generation++;
    connection = null;
    connectedTo = null;
    show(null);
    availability.set(why);
  }

  /** Connects (again) to the cluster the kubeconfig and spec name, then reads its status. */
  public void connect() {
    ClusterSpec s = spec.get();
    String k = kubeconfig.get();
    if (running.get() != null || s == null || s.apps() == null || k == null || k.isEmpty()) {
      return;
    }
    long g = ++generation;
    connectedTo = java.util.Arrays.asList(k, s.apps().elasticsearch(), s.metadata());
    availability.set(AppAvailability.CONNECTING);
    outcome.clear();
    loading.set(true);
    threads.run(() -> {
      EsConnection c = connector.connect(Path.of(k), s);
      return new Loaded(c, c.wanted().toString(), read(c));
    }, l -> {
      if (g == generation) {
        loading.set(false);
        connection = l.connection();
        wanted.set(l.wanted());
        shown(l.read());
      }
    }, e -> {
      if (g == generation) {
        loading.set(false);
        connection = null;
        show(null);
        availability.set(AppAvailability.UNREACHABLE);
        outcome.failed(e);
      }
    });
  }

  /** Reads the status again (the Refresh button); connects first when not connected. */
  public void refresh() {
    if (connection == null) {
      connect();
    } else {
      reload(false);
    }
  }

  private record Loaded(EsConnection connection, String wanted, Read read) {}

  /** A status read; {@code status} null: no Elasticsearch is recorded in the cluster. */
  private record Read(FleetStatus status, List<String> snapshots, String snapshotProblem) {}

  private static Read read(EsConnection c) {
    ElasticsearchFleet f = c.fleet();
    if (f.stateStore().load().isEmpty()) {
      return new Read(null, List.of(), "");
    }
    FleetStatus s = FleetStatus.read(f);
    try {
      return new Read(s, new PreUpgradeSnapshot(f.api(), f.snapshotLocation()).list(), "");
    } catch (RuntimeException e) {
      return new Read(s, List.of(), e.getMessage());
    }
  }

  private void reload(boolean quiet) {
    EsConnection c = connection;
    if (c == null) {
      return;
    }
    long g = generation;
    loading.set(true);
    threads.run(() -> read(c), r -> {
      if (g == generation) {
        loading.set(false);
        shown(r);
      }
    }, e -> {
      if (g == generation) {
        loading.set(false);
        if (!quiet) { // a read in the middle of an update may meet a node restarting: the next one will do
          outcome.failed(e);
        }
      }
    });
  }

  private void shown(Read r) {
    show(r.status());
    if (r.status() == null) {
      availability.set(AppAvailability.NOT_DEPLOYED);
      return;
    }
    String keep = selectedSnapshot.get();
    snapshots.setAll(r.snapshots());
    selectedSnapshot.set(snapshots.contains(keep) ? keep : null);
    if (!r.snapshotProblem().isEmpty()) {
      outcome.append("snapshots: " + r.snapshotProblem());
    }
    availability.set(AppAvailability.INSTALLED);
  }

  private void show(FleetStatus s) {
    status = s;
    fleet.set(s == null ? "" : s.fleet());
    health.set(s == null ? null : s.health());
    allocation.set(s == null ? "" : s.allocation());
    lastUpdate.set(s == null ? null : s.lastUpdate().orElse(null));
    if (s == null) {
      snapshots.clear();
      selectedSnapshot.set(null);
    }
    if (running.get() == null) {
      progress.set(s == null ? null : s.lastUpdate().map(UpdateProgress::of).orElse(null));
    }
    rows();
  }

  private void rows() {
    Map<String, NodeRow> rows = new LinkedHashMap<>();
    if (status != null) {
      for (EsNode n : status.nodes()) {
        rows.put(n.name(), new NodeRow(n.name(), n.version().toString(), Objects.toString(n.configRevision(), ""),
            String.join(", ", n.roles()), true, true, NodeStep.NONE, ""));
      }
      for (FleetStatus.Absent a : status.absent()) {
        rows.put(a.node(), new NodeRow(a.node(), "", "", "", false, a.running(), NodeStep.NONE, ""));
      }
    }
    tracker.stepsOnto(rows);
    nodes.setAll(rows.values());
  }

  // ---- actions

  /** A rolling update to the spec's version and configuration. */
  public void update() {
    act(ElasticsearchAction.UPDATE, (c, f, l) -> describe(new RollingUpdate(f, l).update(c.wanted())));
  }

  /** Continues the update stored in the cluster (after an interruption, from any machine). */
  public void resume() {
    act(ElasticsearchAction.RESUME, (c, f, l) -> describe(new RollingUpdate(f, l).resume()));
  }

  /** Rolls the last update back, or shows why the engine refuses to. */
  public void rollback() {
    act(ElasticsearchAction.ROLLBACK, (c, f, l) -> describe(new RollingUpdate(f, l).rollback()));
  }

  /** Deploys Elasticsearch as the spec describes it. */
  public void deploy() {
    act(ElasticsearchAction.DEPLOY, (c, f, l) -> {
      c.deploy(l, line -> threads.ui().execute(() -> outcome.append(line)));
      return "deployed: " + f.describe();
    });
  }

  /** Takes a snapshot named manual-DATE-TIME of every index. */
  public void takeSnapshot() {
    String name = "manual-" + SNAPSHOT.format(clock.instant());
    act(ElasticsearchAction.SNAPSHOT, (c, f, l) -> "snapshot " + name + " of "
        + new PreUpgradeSnapshot(f.api(), f.snapshotLocation()).take(name) + " indices taken");
  }

  /** Restores the selected snapshot (the view asks for confirmation first). */
  public void restoreSelected() {
    String name = selectedSnapshot.get();
    if (name == null) {
      return;
    }
    act(ElasticsearchAction.RESTORE, (c, f, l) -> "restored " + new PreUpgradeSnapshot(f.api(), f.snapshotLocation()).restore(name)
        + " indices from " + name);
  }

  private static String describe(UpdateState s) {
    return s.describe();
  }

  @FunctionalInterface
  private interface Work {
    String run(EsConnection connection, ElasticsearchFleet fleet, UpdateListener listener) throws Exception;
  }

  private void act(ElasticsearchAction action, Work work) {
    EsConnection c = connection;
    if (running.get() != null || c == null) {
      return;
    }
    running.set(action);
    outcome.clear();
    tracker.clear();
    UpdateListener listener = e -> threads.ui().execute(() -> on(e));
    threads.run(() -> work.run(c, c.fleet(), listener), text -> {
      running.set(null);
      outcome.succeeded(text);
      reload(false);
    }, e -> {
      running.set(null);
      tracker.failed();
      outcome.failed(e);
      reload(true);
    });
  }

  /** One update event, on the UI thread: the log, then the steps and the summary. */
  private void on(UpdateEvent e) {
    outcome.append(UpdateEventText.of(e));
    tracker.on(e);
    rows();
  }

  // ---- what the view binds to

  public BooleanBinding idle() {
    return running.isNull();
  }

  private BooleanBinding idleAnd(java.util.concurrent.Callable<Boolean> when) {
    return Bindings.createBooleanBinding(() -> running.get() == null && when.call(), running, availability,
        lastUpdate, selectedSnapshot, spec, kubeconfig);
  }

  public BooleanBinding canRefresh() {
    return idleAnd(() -> availability.get() != AppAvailability.NOT_ENABLED && availability.get() != AppAvailability.NO_CLUSTER);
  }

  public BooleanBinding canDeploy() {
    return idleAnd(() -> availability.get() == AppAvailability.NOT_DEPLOYED);
  }

  public BooleanBinding canUpdate() {
    return idleAnd(() -> installed() && !inProgress());
  }

  /** Only while the stored update is in progress (interrupted, or run elsewhere). */
  public BooleanBinding canResume() {
    return idleAnd(() -> installed() && inProgress());
  }

  public BooleanBinding canRollback() {
    return idleAnd(() -> installed() && lastUpdate.get() != null);
  }

  public BooleanBinding canSnapshot() {
    return idleAnd(this::installed);
  }

  public BooleanBinding canRestore() {
    return idleAnd(() -> installed() && selectedSnapshot.get() != null);
  }

  private boolean installed() {
    return availability.get() == AppAvailability.INSTALLED;
  }

  private boolean inProgress() {
    return Optional.ofNullable(lastUpdate.get()).map(UpdateState::inProgress).orElse(false);
  }

  public ObjectProperty<ClusterSpec> specProperty() {
    return spec;
  }

  public StringProperty kubeconfigProperty() {
    return kubeconfig;
  }

  /** True while the tab is showing: only then does a changed input connect. */
  public BooleanProperty activeProperty() {
    return active;
  }

  public ReadOnlyObjectProperty<AppAvailability> availabilityProperty() {
    return availability;
  }

  public ReadOnlyObjectProperty<ElasticsearchAction> runningProperty() {
    return running;
  }

  public BooleanProperty loadingProperty() {
    return loading;
  }

  public StringProperty fleetProperty() {
    return fleet;
  }

  public StringProperty wantedProperty() {
    return wanted;
  }

  public ReadOnlyObjectProperty<ClusterHealth> healthProperty() {
    return health;
  }

  public StringProperty allocationProperty() {
    return allocation;
  }

  public ObservableList<NodeRow> nodes() {
    return nodes;
  }

  public ReadOnlyObjectProperty<UpdateState> lastUpdateProperty() {
    return lastUpdate;
  }

  public ReadOnlyObjectProperty<UpdateProgress> progressProperty() {
    return progress;
  }

  public ObservableList<String> log() {
    return outcome.log;
  }

  public ObservableList<String> snapshots() {
    return snapshots;
  }

  public ObjectProperty<String> selectedSnapshotProperty() {
    return selectedSnapshot;
  }

  public StringProperty noticeProperty() {
    return outcome.notice;
  }

  public StringProperty refusalProperty() {
    return outcome.refusal;
  }

  public StringProperty refusalHintProperty() {
    return outcome.refusalHint;
  }

  public StringProperty errorProperty() {
    return outcome.error;
  }

  public StringProperty errorHintProperty() {
    return outcome.errorHint;
  }
}
