package dev.kubeyard.engine.apps.elasticsearch.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollbackDecisionTest {
  static final ConfigRevision R1 = ConfigRevision.of("256m", Map.of());
  static final ConfigRevision R2 = ConfigRevision.of("512m", Map.of());

  static UpdateState upgrade(List<String> startedOnNew, UpdateState.Phase phase) {
    return new UpdateState("u1", UpdateState.Kind.UPGRADE, phase, "7.17.28", "7.17.29", R1, R1,
        List.of("n1", "n2", "n3"), List.of(), null, startedOnNew, "pre-upgrade-7.17.28-to-7.17.29-u1");
  }

  static List<EsNode> nodes(String... versions) {
    return List.of(versions).stream().map(v -> new EsNode("id" + v.hashCode(), "n-" + v, EsVersion.of(v),
        Set.of("master"), R1.id())).toList();
  }

  @Test
  void aConfigChangeRollsBackWithTheRollingProcedure() {
    UpdateState config = new UpdateState("u2", UpdateState.Kind.CONFIG, UpdateState.Phase.COMPLETED, "7.17.29",
        "7.17.29", R1, R2, List.of("n1"), List.of("n1"), null, List.of(), null);
    assertThat(RollbackDecision.of(config, nodes("7.17.29")).cancelOnly()).isFalse();
  }

  @Test
  void aVersionChangeNoNodeRanIsCancelledWithoutRestarts() {
    assertThat(RollbackDecision.of(upgrade(List.of(), UpdateState.Phase.IN_PROGRESS), nodes("7.17.28", "7.17.28"))
        .cancelOnly()).isTrue();
  }

  @Test
  void aVersionChangeIsRefusedOnceANodeStartedOnItWithTheReasonAndTheSnapshot() {
    assertThatThrownBy(() -> RollbackDecision.of(upgrade(List.of("n1"), UpdateState.Phase.IN_PROGRESS),
        nodes("7.17.28", "7.17.28")))
        .isInstanceOf(UpdateRefused.class)
        .hasMessageContaining("n1 already ran 7.17.29")
        .hasMessageContaining("cannot downgrade a node from version [7.17.29] to version [7.17.28]")
        .satisfies(e -> assertThat(((UpdateRefused) e).hint()).contains("pre-upgrade-7.17.28-to-7.17.29-u1"));
  }

  @Test
  void aNodeReportingTheNewerVersionCountsEvenIfTheStateMissedIt() {
    assertThatThrownBy(() -> RollbackDecision.of(upgrade(List.of(), UpdateState.Phase.IN_PROGRESS),
        nodes("7.17.28", "7.17.29"))).isInstanceOf(UpdateRefused.class).hasMessageContaining("n-7.17.29");
  }

  @Test
  void aCompletedRollbackIsNotRolledBackAgain() {
    UpdateState rolledBack = new UpdateState("u3", UpdateState.Kind.ROLLBACK, UpdateState.Phase.COMPLETED, "7.17.29",
        "7.17.29", R2, R1, List.of("n1"), List.of("n1"), null, List.of(), null);
    assertThatThrownBy(() -> RollbackDecision.of(rolledBack, nodes("7.17.29")))
        .isInstanceOf(UpdateRefused.class).hasMessageContaining("already was a rollback");
  }

  @Test
  void aDeploymentHasNothingToRollBack() {
    UpdateState deployed = UpdateState.deployed("u0", new UpdateTarget(EsVersion.of("7.17.28"), R1), List.of("n1"));
    assertThatThrownBy(() -> RollbackDecision.of(deployed, nodes("7.17.28"))).hasMessageContaining("no update");
  }
}
