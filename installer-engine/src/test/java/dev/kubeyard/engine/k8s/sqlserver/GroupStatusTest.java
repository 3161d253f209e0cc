package dev.kubeyard.engine.k8s.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.k8s.sqlserver.GroupStatus.Replica;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the group counts as healthy, and how it says why not; reading it from an apiserver is GroupDeployerTest's. */
class GroupStatusTest {
  private static final Replica PRIMARY = new Replica("ag1-0", "primary", true);
  private static final Replica SECONDARY_1 = new Replica("ag1-1", "secondary", true);
  private static final Replica SECONDARY_2 = new Replica("ag1-2", "secondary", true);

  private static GroupStatus status(List<Replica> replicas, List<String> primarySelects) {
    return new GroupStatus("mssql", "ag1", 3, replicas, primarySelects, List.of("ag1-1", "ag1-2"));
  }

  @Test
  void threeReadyReplicasWithOnePrimaryTheServiceSelectsAreHealthy() {
    GroupStatus s = status(List.of(PRIMARY, SECONDARY_1, SECONDARY_2), List.of("ag1-0"));

    assertThat(s.healthy()).isTrue();
    assertThat(s.lines()).containsExactly("replicas: 3/3 ready (StatefulSet mssql/ag1)",
        "primary: ag1-0; ag1-primary selects ag1-0", "secondaries: ag1-secondary selects ag1-1, ag1-2");
  }

  @Test
  void aReplicaNotReadyMakesTheGroupUnhealthyWithTheCount() {
    GroupStatus s = status(List.of(PRIMARY, SECONDARY_1, new Replica("ag1-2", "secondary", false)), List.of("ag1-0"));

    assertThat(s.healthy()).isFalse();
    assertThat(s.problems()).containsExactly("2 of 3 replicas ready");
  }

  @Test
  void aMissingPodCountsAsNotReadyEvenWhenThePresentOnesAre() {
    assertThat(status(List.of(PRIMARY, SECONDARY_1), List.of("ag1-0")).problems())
        .containsExactly("2 of 3 replicas ready");
  }

  @Test
  void noPrimaryLabelSaysTheControllerSetsItAndIsNotRunByDeploy() {
    GroupStatus s = status(List.of(new Replica("ag1-0", "", true), SECONDARY_1, SECONDARY_2), List.of());

    assertThat(s.problems()).singleElement().asString().startsWith("no pod is labelled primary")
        .contains("does not run the controller yet");
    assertThat(s.lines()).contains("primary: none labelled; ag1-primary selects no pod");
  }

  @Test
  void twoPodsLabelledPrimaryAreNeverHealthy() {
    GroupStatus s = status(List.of(PRIMARY, new Replica("ag1-1", "primary", true), SECONDARY_2),
        List.of("ag1-0", "ag1-1"));

    assertThat(s.healthy()).isFalse();
    assertThat(s.problems()).containsExactly("2 pods are labelled primary (ag1-0, ag1-1): writes could reach more"
        + " than one replica");
  }

  @Test
  void aPrimaryServiceThatSelectsAnotherPodThanTheLabelledOneIsNotHealthy() {
    GroupStatus s = status(List.of(PRIMARY, SECONDARY_1, SECONDARY_2), List.of());

    assertThat(s.problems()).containsExactly("ag1-primary selects no pod, not the pod labelled primary, ag1-0");
  }

  @Test
  void withoutTheStatefulSetTheGroupIsNotDeployed() {
    GroupStatus s = new GroupStatus("mssql", "ag1", 0, List.of(), List.of(), List.of());

    assertThat(s.healthy()).isFalse();
    assertThat(s.problems()).first().asString().isEqualTo("the StatefulSet ag1 does not exist in mssql (run"
        + " `kubeyard sqlserver deploy`)");
  }
}
