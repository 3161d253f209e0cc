package dev.kubeyard.desktop.manager.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The tab's logic against a {@link StandInFleet}, with the engine's real rolling update on top of it. */
class ElasticsearchTabViewModelTest {
  private static final UpdateTarget OLD = new UpdateTarget(EsVersion.of("7.17.28"), ConfigRevision.of("256m", Map.of()));
  private static final UpdateTarget NEW = new UpdateTarget(EsVersion.of("7.17.29"), OLD.revision());
  private static final ClusterSpec SPEC = Validator.load(Fixtures.exampleClusterYaml()).spec();

  private static ElasticsearchTabViewModel open(StandInFleet fleet, UpdateTarget wanted, Threads threads) {
    ElasticsearchTabViewModel vm = new ElasticsearchTabViewModel((k, s) -> fleet.connection(wanted), threads);
    vm.specProperty().set(SPEC);
    vm.kubeconfigProperty().set("admin.kubeconfig");
    vm.activeProperty().set(true);
    return vm;
  }

  @Test
  void aDeployedClusterShowsHealthAllocationEveryNodesVersionRevisionAndRolesAndTheLastUpdate() {
    ElasticsearchTabViewModel vm = open(StandInFleet.deployed(3, OLD), NEW, Threads.synchronous());

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.INSTALLED);
    assertThat(vm.healthProperty().get().status()).isEqualTo("green");
    assertThat(vm.allocationProperty().get()).isEqualTo("all");
    assertThat(vm.nodes()).extracting(NodeRow::name, NodeRow::version, NodeRow::revision, NodeRow::roles)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("n1", "7.17.28", OLD.revision().id(), "data, master"),
            org.assertj.core.groups.Tuple.tuple("n2", "7.17.28", OLD.revision().id(), "data, master"),
            org.assertj.core.groups.Tuple.tuple("n3", "7.17.28", OLD.revision().id(), "data, master"));
    assertThat(vm.lastUpdateProperty().get().kind()).isEqualTo(UpdateState.Kind.DEPLOY);
    assertThat(vm.progressProperty().get().phase()).isEqualTo("completed");
    assertThat(vm.wantedProperty().get()).isEqualTo(NEW.toString());
    assertThat(vm.fleetProperty().get()).isEqualTo("3 stand-in nodes in memory");
  }

  @Test
  void withoutAnEnabledElasticsearchInTheSpecTheTabSaysSoAndOffersNoAction() {
    ElasticsearchTabViewModel vm = new ElasticsearchTabViewModel((k, s) -> {
      throw new AssertionError("must not connect");
    }, Threads.synchronous());
    vm.activeProperty().set(true);
    vm.kubeconfigProperty().set("admin.kubeconfig");

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_ENABLED);
    assertThat(vm.canDeploy().get()).isFalse();
    assertThat(vm.canUpdate().get()).isFalse();
    assertThat(vm.canRefresh().get()).isFalse();
  }

  @Test
  void aClusterWithoutARecordedElasticsearchOffersDeployAndDeployingShowsTheNewNodes() {
    StandInFleet fleet = StandInFleet.empty(3);
    ElasticsearchTabViewModel vm = open(fleet, OLD, Threads.synchronous());
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_DEPLOYED);
    assertThat(vm.canDeploy().get()).isTrue();
    assertThat(vm.canUpdate().get()).isFalse();

    vm.deploy();

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.INSTALLED);
    assertThat(vm.nodes()).extracting(NodeRow::version).containsOnly("7.17.28");
    assertThat(vm.log()).anyMatch(l -> l.contains("stand-in: starting 3 nodes"));
    assertThat(vm.canDeploy().get()).isFalse();
  }

  @Test
  void anUpdateAppendsEveryProgressEventToTheLogAndEndsWithEveryNodeOnTheTarget() {
    StandInFleet fleet = StandInFleet.deployed(3, OLD);
    ElasticsearchTabViewModel vm = open(fleet, NEW, Threads.synchronous());
    List<String> stepsWhileStopped = new ArrayList<>();
    fleet.whileStopped = node -> stepsWhileStopped.add(node + ": " + vm.nodes().stream()
        .filter(r -> r.name().equals(node)).findFirst().orElseThrow().step() + ", "
        + vm.progressProperty().get().done() + "/" + vm.progressProperty().get().total());

    vm.update();

    assertThat(vm.log()).anyMatch(l -> l.contains("(upgrade): 7.17.28 revision " + OLD.revision().id() + " → 7.17.29"))
        .anyMatch(l -> l.contains("snapshot kubeyard-snapshots/pre-upgrade-7.17.28-to-7.17.29"))
        .anyMatch(l -> l.contains("[1/3]")).anyMatch(l -> l.contains("[3/3]"))
        .anyMatch(l -> l.contains("REJOINED passed")).anyMatch(l -> l.contains("completed"));
    assertThat(stepsWhileStopped).hasSize(3).allMatch(s -> s.contains(": FLUSHED, "));
    assertThat(stepsWhileStopped.get(2)).endsWith("2/3");
    assertThat(vm.nodes()).extracting(NodeRow::version).containsOnly("7.17.29");
    assertThat(vm.nodes()).extracting(NodeRow::step).containsOnly(NodeStep.DONE);
    assertThat(vm.progressProperty().get()).extracting(p -> p.phase(), p -> p.done(), p -> p.total())
        .containsExactly("completed", 3, 3);
    assertThat(vm.lastUpdateProperty().get().kind()).isEqualTo(UpdateState.Kind.UPGRADE);
    assertThat(vm.snapshots()).singleElement().asString().startsWith("pre-upgrade-7.17.28-to-7.17.29");
    assertThat(vm.noticeProperty().get()).contains("completed");
  }

  @Test
  void rollingBackAVersionUpgradeIsRefusedWithTheEnginesReasonAndHintOnScreen() {
    StandInFleet fleet = StandInFleet.deployed(3, OLD);
    ElasticsearchTabViewModel vm = open(fleet, NEW, Threads.synchronous());
    vm.update();

    vm.rollback();

    assertThat(vm.refusalProperty().get()).startsWith("refusing to roll Elasticsearch back from 7.17.29 to 7.17.28");
    assertThat(vm.refusalHintProperty().get()).contains("restore `pre-upgrade-7.17.28-to-7.17.29");
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.nodes()).extracting(NodeRow::version).containsOnly("7.17.29");
    assertThat(vm.canUpdate().get()).isTrue();
  }

  @Test
  void rollingBackAConfigurationChangeRestartsEveryNodeOnThePreviousRevision() {
    UpdateTarget bigger = new UpdateTarget(OLD.version(), ConfigRevision.of("320m", Map.of()));
    StandInFleet fleet = StandInFleet.deployed(3, OLD);
    ElasticsearchTabViewModel vm = open(fleet, bigger, Threads.synchronous());
    vm.update();
    assertThat(vm.nodes()).extracting(NodeRow::revision).containsOnly(bigger.revision().id());

    vm.rollback();

    assertThat(vm.refusalProperty().get()).isEmpty();
    assertThat(vm.nodes()).extracting(NodeRow::revision).containsOnly(OLD.revision().id());
    assertThat(vm.lastUpdateProperty().get().kind()).isEqualTo(UpdateState.Kind.ROLLBACK);
    assertThat(vm.progressProperty().get().phase()).isEqualTo("completed");
  }

  @Test
  void everyActionIsDisabledWhileOneRunsAndEnabledAgainAfterwards() {
    Queue<Runnable> background = new ArrayDeque<>();
    ElasticsearchTabViewModel vm = open(StandInFleet.deployed(3, OLD), NEW, new Threads(background::add, Runnable::run));
    run(background);
    assertThat(vm.canUpdate().get()).isTrue();
    assertThat(vm.canSnapshot().get()).isTrue();

    vm.update();

    assertThat(vm.runningProperty().get()).isEqualTo(ElasticsearchAction.UPDATE);
    assertThat(List.of(vm.canRefresh(), vm.canUpdate(), vm.canResume(), vm.canRollback(), vm.canSnapshot(),
        vm.canRestore(), vm.canDeploy())).allMatch(b -> !b.get());
    vm.rollback(); // ignored while the update runs
    run(background);
    assertThat(vm.runningProperty().get()).isNull();
    assertThat(vm.canUpdate().get()).isTrue();
    assertThat(vm.canRollback().get()).isTrue();
    assertThat(vm.lastUpdateProperty().get().kind()).isEqualTo(UpdateState.Kind.UPGRADE);
  }

  @Test
  void resumeIsEnabledOnlyWhileTheStoredUpdateIsInProgressAndFinishesIt() {
    StandInFleet fleet = StandInFleet.deployed(3, OLD);
    ElasticsearchTabViewModel vm = open(fleet, NEW, Threads.synchronous());
    assertThat(vm.canResume().get()).isFalse();

    fleet.start("n1", NEW); // another machine's update stopped after n1
    fleet.store(new UpdateState("20260101-000000", UpdateState.Kind.UPGRADE, UpdateState.Phase.IN_PROGRESS, "7.17.28",
        "7.17.29", OLD.revision(), NEW.revision(), List.of("n1", "n2", "n3"), List.of("n1"), null, List.of("n1"), null));
    vm.refresh();
    assertThat(vm.canResume().get()).isTrue();
    assertThat(vm.canUpdate().get()).isFalse();
    assertThat(vm.progressProperty().get()).extracting(p -> p.phase(), p -> p.done()).containsExactly("in_progress", 1);

    vm.resume();

    assertThat(vm.log()).anyMatch(l -> l.contains("resuming update 20260101-000000: done [n1]"));
    assertThat(vm.nodes()).extracting(NodeRow::version).containsOnly("7.17.29");
    assertThat(vm.canResume().get()).isFalse();
    assertThat(vm.progressProperty().get().phase()).isEqualTo("completed");
  }

  @Test
  void takingASnapshotListsItAndRestoringTheSelectedOneSaysHowManyIndicesCameBack() {
    ElasticsearchTabViewModel vm = open(StandInFleet.deployed(3, OLD), NEW, Threads.synchronous());
    assertThat(vm.canRestore().get()).isFalse();

    vm.takeSnapshot();
    assertThat(vm.snapshots()).singleElement().asString().startsWith("manual-");
    vm.selectedSnapshotProperty().set(vm.snapshots().get(0));
    assertThat(vm.canRestore().get()).isTrue();
    vm.restoreSelected();

    assertThat(vm.noticeProperty().get()).isEqualTo("restored 1 indices from " + vm.snapshots().get(0));
  }

  @Test
  void aClusterThatDoesNotAnswerShowsTheErrorAndItsHint() {
    StandInFleet fleet = StandInFleet.deployed(3, OLD);
    for (String n : fleet.members()) {
      fleet.stop(n);
    }
    ElasticsearchTabViewModel vm = open(fleet, NEW, Threads.synchronous());

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.UNREACHABLE);
    assertThat(vm.errorProperty().get()).contains("answered 503");
    assertThat(vm.errorHintProperty().get()).contains("kubeyard es status");
    assertThat(vm.canRefresh().get()).isTrue();
  }

  private static void run(Queue<Runnable> background) {
    for (Runnable r = background.poll(); r != null; r = background.poll()) {
      r.run();
    }
  }
}
