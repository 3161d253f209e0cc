package dev.kubeyard.desktop.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.install.InstallViewModel.RunState;
import dev.kubeyard.desktop.testing.ExamplePlan;
import dev.kubeyard.desktop.testing.Rehearsals;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.InstallEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install page's logic over a rehearsal of the real example plan (NOT A REAL EXECUTION: the engine's
 * executor over a transport that reaches no host). Runner and bridge are synchronous here, one host at a
 * time, so no FX thread is needed.
 */
class InstallViewModelTest {
  private static final Plan PLAN = ExamplePlan.plan();
  @TempDir Path logs;

  private InstallViewModel viewModel(Map<String, String> failures) {
    InstallViewModel vm = new InstallViewModel(Rehearsals.synchronous(logs, failures), sink -> e -> sink.accept(List.of(e)));
    vm.load(PLAN);
    return vm;
  }

  @Test
  void aLoadedPlanShowsEveryHostAndPhaseAsPending() {
    InstallViewModel vm = viewModel(Map.of());

    assertThat(vm.hosts()).containsExactly("lb1", "lb2", "master1", "master2", "master3", "node1", "node2", "node3", "win1");
    assertThat(vm.phases()).containsExactly(Phase.values());
    assertThat(vm.cell("master1", Phase.ETCD).get()).isEqualTo(CellState.PENDING);
    assertThat(vm.cell("lb1", Phase.ETCD).get()).as("lb1 runs no etcd").isEqualTo(CellState.NONE);
  }

  @Test
  void aPlanOfTheSameShapeKeepsTheGridAndADifferentOneRebuildsIt() {
    InstallViewModel vm = viewModel(Map.of());
    int[] hostChanges = new int[1];
    vm.hosts().addListener((javafx.collections.ListChangeListener<String>) c -> hostChanges[0]++);

    vm.load(ExamplePlan.plan()); // the plan written for the install: a new object, the same hosts and phases
    assertThat(hostChanges[0]).as("grid rebuilds").isZero();
    assertThat(vm.cell("master1", Phase.ETCD).get()).isEqualTo(CellState.PENDING);

    Plan withoutWin1 = new Plan(PLAN.cluster(), PLAN.kubernetesVersion(),
        PLAN.steps().stream().filter(s -> !s.host().equals("win1")).toList());
    vm.load(withoutWin1);
    assertThat(hostChanges[0]).isEqualTo(1);
    assertThat(vm.hosts()).doesNotContain("win1");
  }

  @Test
  void aRehearsalWalksEveryStepOfThePlanAndEndsAtOneHundredPercent() {
    InstallViewModel vm = viewModel(Map.of());

    vm.start();

    assertThat(vm.stateProperty().get()).isEqualTo(RunState.SUCCEEDED);
    assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    assertThat(PLAN.steps()).allSatisfy(s -> assertThat(vm.stepState(s.host(), s.id())).isEqualTo(CellState.DONE));
    assertThat(vm.summaryProperty().get()).contains("no host was changed");
  }

  @Test
  void theLogOfTheLastStartedStepStaysOnScreenAfterItEnds() {
    InstallViewModel vm = viewModel(Map.of());

    vm.start();

    // the last phase (ADDONS) ends with applying the addons on the first master: the last step started
    assertThat(vm.shownStepProperty().get()).isEqualTo("master1/apply-addons");
    assertThat(vm.shownLog()).anyMatch(l -> l.contains("rehearsal: nothing is sent to master1"));
    assertThat(vm.shownLog()).last().isEqualTo("verified");
  }

  @Test
  void aFailingStepShowsItsErrorPinsItsLogAndStopsTheNextPhases() {
    InstallViewModel vm = viewModel(Map.of("master2", "start-etcd"));

    vm.start();

    assertThat(vm.stateProperty().get()).isEqualTo(RunState.FAILED);
    InstallEvent.StepFailed failure = vm.failureProperty().get();
    assertThat(failure.host()).isEqualTo("master2");
    assertThat(failure.logFile()).isEqualTo(logs.resolve("logs/master2.log").toString())
        .isEqualTo(vm.logFileOf("master2").toString());
    assertThat(vm.cell("master2", Phase.ETCD).get()).isEqualTo(CellState.FAILED);
    assertThat(vm.cell("master1", Phase.CONTROL_PLANE).get()).isEqualTo(CellState.PENDING);
    assertThat(vm.shownStepProperty().get()).isEqualTo("master2/start-etcd");
    assertThat(vm.shownLog()).last().asString().contains("error: injected failure");
    assertThat(vm.canRetry().get()).isTrue();
  }

  @Test
  void retryingSkipsWhatCompletedAndResumesAtTheFailedStep() {
    InstallViewModel vm = viewModel(Map.of("master2", "start-etcd"));
    vm.start();

    vm.retryFromFailed();

    assertThat(vm.stateProperty().get()).isEqualTo(RunState.SUCCEEDED);
    assertThat(vm.stepState("master1", "prepare-os")).isEqualTo(CellState.SKIPPED);
    assertThat(vm.stepState("master2", "start-etcd")).isEqualTo(CellState.DONE);
    assertThat(vm.failureProperty().get()).isNull();
  }

  @Test
  void eachHostsLogFileHoldsItsStepsAndTheFailure() throws Exception {
    InstallViewModel vm = viewModel(Map.of("node2", "start-node"));

    vm.start();

    String log = Files.readString(vm.logFileOf("node2"));
    assertThat(log).contains("[prepare-os] started").contains("[start-node] FAILED: injected failure");
    assertThat(Files.readString(vm.logFileOf("master1"))).doesNotContain("injected failure");
  }

  @Test
  void cancellingStopsTheRunBeforeItsNextStep() throws Exception {
    CountDownLatch finished = new CountDownLatch(1);
    Object lock = new Object();
    InstallViewModel[] holder = new InstallViewModel[1];
    RehearsalRunner threaded = RehearsalRunner.threaded(Duration.ofMillis(2), Map.of(), logs);
    InstallViewModel vm = new InstallViewModel(threaded, sink -> e -> {
      synchronized (lock) {
        sink.accept(List.of(e));
        if (e instanceof InstallEvent.StepFinished) {
          holder[0].cancel();
        }
        if (e instanceof InstallEvent.RunFinished) {
          finished.countDown();
        }
      }
    });
    holder[0] = vm;
    vm.load(PLAN);

    vm.start();

    assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
    synchronized (lock) {
      assertThat(vm.stateProperty().get()).isEqualTo(RunState.CANCELLED);
      assertThat(vm.progressProperty().get()).isLessThan(0.5);
      assertThat(vm.canRetry().get()).isTrue();
    }
  }
}
