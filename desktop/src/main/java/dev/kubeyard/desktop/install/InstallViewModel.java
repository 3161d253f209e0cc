package dev.kubeyard.desktop.install;

import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.run.InstallEvent;
import dev.kubeyard.engine.run.InstallListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The install page: a grid of hosts by phases fed by engine events, overall progress, the log of the
 * step on screen (it stays after the step ends; a failure pins it), cancel and retry.
 */
public final class InstallViewModel {
  /** How engine events reach this view model: on the FX thread in the app, directly in tests. */
  public interface EventBridge {
    InstallListener toUi(Consumer<List<InstallEvent>> sink);
  }

  /** Where the run stands. */
  public enum RunState { IDLE, RUNNING, SUCCEEDED, FAILED, CANCELLED }

  private static final int MAX_LOG_LINES = 5000;

  private final InstallRunner rehearsal;
  private InstallRunner runner;
  private final javafx.beans.property.BooleanProperty changesHosts =
      new javafx.beans.property.SimpleBooleanProperty(this, "changesHosts");
  private final EventBridge bridge;
  private final ObservableList<String> hosts = FXCollections.observableArrayList();
  private final ObservableList<Phase> phases = FXCollections.observableArrayList();
  private final Map<String, ObjectProperty<CellState>> cells = new HashMap<>();
  private final Map<String, CellState> stepStates = new HashMap<>();
  private final Map<String, List<String>> stepLogs = new HashMap<>();
  private final Map<String, String> stepTitles = new HashMap<>();
  private final Set<String> completed = new HashSet<>();
  private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(this, "state", RunState.IDLE);
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
  private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase");
  private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
  private final StringProperty shownStep = new SimpleStringProperty(this, "shownStep", "");
  private final StringProperty shownTitle = new SimpleStringProperty(this, "shownTitle", "");
  private final ObservableList<String> shownLog = FXCollections.observableArrayList();
  private final ObjectProperty<InstallEvent.StepFailed> failure = new SimpleObjectProperty<>(this, "failure");
  private Plan plan;
  private InstallRunner.RunningInstall running;
  private boolean pinned;

  /** @param rehearsal what {@link #start()} runs; {@link #start(InstallRunner)} runs another */
  public InstallViewModel(InstallRunner rehearsal, EventBridge bridge) {
    this.rehearsal = rehearsal;
    this.runner = rehearsal;
    this.bridge = bridge;
  }

  /** Shows a plan's hosts and phases, every step pending; ignored while a run is going on. */
  public void load(Plan newPlan) {
    if (state.get() == RunState.RUNNING) {
      return;
    }
    plan = newPlan;
    completed.clear();
    stepStates.clear();
    stepLogs.clear();
    newPlan.steps().forEach(s -> stepStates.put(StepKey.of(s.host(), s.id()), CellState.PENDING));
    newPlan.steps().forEach(s -> stepTitles.put(StepKey.of(s.host(), s.id()), s.host() + " · " + s.title()));
    List<Phase> newPhases = List.of(Phase.values()).stream().filter(p -> !newPlan.inPhase(p).isEmpty()).toList();
    List<String> newHosts = List.copyOf(newPlan.byHost().keySet());
    // the grid rebuilds when the hosts change (so hosts last); the plan written for the real install
    // usually has the reviewed plan's shape, and rebuilding then cost the FX thread ~160 ms
    if (!phases.equals(newPhases) || !hosts.equals(newHosts)) {
      phases.setAll(newPhases);
      hosts.setAll(newHosts);
    }
    for (String h : hosts) {
      for (Phase p : phases) {
        cell(h, p).set(combined(h, p));
      }
    }
    state.set(RunState.IDLE);
    progress.set(0);
    failure.set(null);
    show("", false);
  }

  /** Starts the rehearsal. */
  public void start() {
    start(rehearsal);
  }

  /** Starts {@code with}; a later retry uses it again. */
  public void start(InstallRunner with) {
    runner = with;
    changesHosts.set(with.changesHosts());
    failure.set(null);
    pinned = false;
    state.set(RunState.RUNNING);
    running = with.start(plan, Set.copyOf(completed), bridge.toUi(this::apply));
  }

  public void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  /** Runs again; the steps that completed are skipped, so the run resumes at the failed step. */
  public void retryFromFailed() {
    if (state.get() == RunState.FAILED || state.get() == RunState.CANCELLED) {
      start(runner);
    }
  }

  /** Puts the log of a host's latest step in a phase on screen and keeps it there. */
  public void showCell(String host, Phase p) {
    plan.steps().stream().filter(s -> s.host().equals(host) && s.phase() == p)
        .map(s -> StepKey.of(s.host(), s.id()))
        .filter(k -> stepStates.get(k) != CellState.PENDING)
        .reduce((a, b) -> b)
        .ifPresent(k -> show(k, true));
  }

  /**
   * Applies a batch of engine events, in order, on the UI thread. The batch is folded first: each
   * touched grid cell is recomputed once and the log on screen changes once, however many events came.
   */
  public void apply(List<InstallEvent> events) {
    Batch batch = new Batch(shownStep.get());
    for (InstallEvent e : events) {
      if (e instanceof InstallEvent.LogLine l) {
        String key = StepKey.of(l.host(), l.stepId());
        List<String> log = stepLogs.computeIfAbsent(key, k -> new ArrayList<>());
        if (log.size() < MAX_LOG_LINES) {
          log.add(l.line());
          if (!batch.retarget && key.equals(batch.target)) {
            batch.appended.add(l.line());
          }
        }
      } else {
        handle(e, batch);
      }
    }
    batch.touched.forEach(c -> cell(c.host(), c.phase()).set(combined(c.host(), c.phase())));
    if (batch.retarget) {
      show(batch.target, pinned);
    } else if (!batch.appended.isEmpty()) {
      shownLog.addAll(batch.appended);
    }
  }

  /** What one batch changes on screen. */
  private static final class Batch {
    final Set<Cell> touched = new java.util.LinkedHashSet<>();
    final List<String> appended = new ArrayList<>();
    String target;
    boolean retarget;

    Batch(String target) {
      this.target = target;
    }

    void showStep(String key) {
      target = key;
      retarget = true;
    }
  }

  private record Cell(String host, Phase phase) {}

  private void handle(InstallEvent e, Batch batch) {
    if (e instanceof InstallEvent.RunStarted) {
      progress.set(0);
    } else if (e instanceof InstallEvent.PhaseStarted p) {
      phase.set(p.phase());
    } else if (e instanceof InstallEvent.StepStarted s) {
      step(s.host(), s.phase(), s.stepId(), CellState.RUNNING, batch);
      stepLogs.put(StepKey.of(s.host(), s.stepId()), new ArrayList<>());
      // follow the newest step, but let the one on screen run to its end first: hosts start steps in
      // parallel, and a log that jumps between them on every start cannot be read
      if (!pinned && stepStates.get(batch.target) != CellState.RUNNING) {
        batch.showStep(StepKey.of(s.host(), s.stepId()));
      }
    } else if (e instanceof InstallEvent.StepSkipped s) {
      step(s.host(), s.phase(), s.stepId(), CellState.SKIPPED, batch);
      completed.add(StepKey.of(s.host(), s.stepId()));
    } else if (e instanceof InstallEvent.StepFinished s) {
      step(s.host(), s.phase(), s.stepId(), CellState.DONE, batch);
      completed.add(StepKey.of(s.host(), s.stepId()));
    } else if (e instanceof InstallEvent.StepFailed s) {
      step(s.host(), s.phase(), s.stepId(), CellState.FAILED, batch);
      failure.set(s);
      pinned = true;
      batch.showStep(StepKey.of(s.host(), s.stepId()));
    } else if (e instanceof InstallEvent.Progress p) {
      progress.set(p.percent() / 100.0);
    } else if (e instanceof InstallEvent.RunFinished f) {
      finish(f);
    }
  }

  private void finish(InstallEvent.RunFinished f) {
    summary.set(f.summary());
    running = null;
    stepStates.replaceAll((k, v) -> v == CellState.RUNNING ? CellState.STOPPED : v);
    hosts.forEach(h -> phases.forEach(p -> cell(h, p).set(combined(h, p))));
    state.set(switch (f.outcome()) {
      case SUCCEEDED -> RunState.SUCCEEDED;
      case FAILED -> RunState.FAILED;
      case CANCELLED -> RunState.CANCELLED;
    });
  }

  private void step(String host, Phase p, String stepId, CellState s, Batch batch) {
    stepStates.put(StepKey.of(host, stepId), s);
    batch.touched.add(new Cell(host, p));
  }

  private CellState combined(String host, Phase p) {
    return CellState.combine(plan.steps().stream().filter(s -> s.host().equals(host) && s.phase() == p)
        .map(s -> stepStates.get(StepKey.of(host, s.id()))).toList());
  }

  private void show(String key, boolean pin) {
    pinned = pin;
    shownStep.set(key);
    shownTitle.set(stepTitles.getOrDefault(key, ""));
    shownLog.setAll(stepLogs.getOrDefault(key, List.of()));
  }

  public ObjectProperty<CellState> cell(String host, Phase p) {
    return cells.computeIfAbsent(host + "|" + p, k -> new SimpleObjectProperty<>(CellState.NONE));
  }

  public CellState stepState(String host, String stepId) {
    return stepStates.get(StepKey.of(host, stepId));
  }

  public Path logFileOf(String host) {
    return runner.logFile(host);
  }

  public BooleanBinding canCancel() {
    return Bindings.createBooleanBinding(() -> state.get() == RunState.RUNNING, state);
  }

  public BooleanBinding canRetry() {
    return Bindings.createBooleanBinding(
        () -> state.get() == RunState.FAILED || state.get() == RunState.CANCELLED, state);
  }

  /** True while the page shows a real install (over SSH), false for a rehearsal. */
  public javafx.beans.property.BooleanProperty changesHostsProperty() {
    return changesHosts;
  }

  /** The plan on the page (null before the first). */
  public Plan plan() {
    return plan;
  }

  public List<Step> steps() {
    return plan == null ? List.of() : plan.steps();
  }

  public ObservableList<String> hosts() {
    return hosts;
  }

  public ObservableList<Phase> phases() {
    return phases;
  }

  public ObjectProperty<RunState> stateProperty() {
    return state;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public ObjectProperty<Phase> phaseProperty() {
    return phase;
  }

  public StringProperty summaryProperty() {
    return summary;
  }

  public StringProperty shownStepProperty() {
    return shownStep;
  }

  public StringProperty shownTitleProperty() {
    return shownTitle;
  }

  public ObservableList<String> shownLog() {
    return shownLog;
  }

  public ObjectProperty<InstallEvent.StepFailed> failureProperty() {
    return failure;
  }
}
