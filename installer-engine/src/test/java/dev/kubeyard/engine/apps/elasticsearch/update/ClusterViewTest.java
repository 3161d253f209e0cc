package dev.kubeyard.engine.apps.elasticsearch.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.rest.ClusterHealth;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import dev.kubeyard.engine.apps.elasticsearch.rest.ShardCopy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gates' reading of health, nodes and shard copies (as _cluster/health, _nodes and _cat/shards give them). */
class ClusterViewTest {
  static final List<String> MEMBERS = List.of("n1", "n2", "n3");

  static EsNode node(String name, String version) {
    return new EsNode("id-" + name, name, EsVersion.of(version), Set.of("master", "data"), "rev");
  }

  static ClusterHealth health(String status, int unassigned) {
    return new ClusterHealth(status, 3, 3, unassigned, 0, 0, false);
  }

  static ShardCopy copy(int shard, boolean primary, String node) {
    return new ShardCopy("load", shard, primary, node == null ? "UNASSIGNED" : "STARTED", node);
  }

  @Test
  void aGreenClusterWithEveryMemberMayLoseANode() {
    ClusterView v = new ClusterView(health("green", 0), List.of(node("n1", "7.17.28"), node("n2", "7.17.28"),
        node("n3", "7.17.28")), List.of(copy(0, true, "n1"), copy(0, false, "n2")));
    assertThat(v.unhealthy(MEMBERS, false)).isEmpty();
  }

  @Test
  void aMissingMemberBlocksEvenWhenTheClusterIsGreen() {
    ClusterView v = new ClusterView(health("green", 0), List.of(node("n1", "7.17.28"), node("n2", "7.17.28")),
        List.of());
    assertThat(v.unhealthy(MEMBERS, false)).get().asString().contains("[n3]");
  }

  @Test
  void yellowBlocksAConfigChange() {
    ClusterView v = new ClusterView(health("yellow", 1), List.of(node("n1", "7.17.29"), node("n2", "7.17.29"),
        node("n3", "7.17.29")), List.of(copy(0, true, "n1"), copy(0, false, null)));
    assertThat(v.unhealthy(MEMBERS, false)).get().asString().contains("green is needed");
  }

  @Test
  void yellowPassesMidUpgradeWhenTheReplicasPrimarySitsOnTheOnlyNewerNode() {
    ClusterView v = new ClusterView(health("yellow", 1), List.of(node("n1", "7.17.29"), node("n2", "7.17.28"),
        node("n3", "7.17.28")), List.of(copy(0, true, "n1"), copy(0, false, null)));
    assertThat(v.unhealthy(MEMBERS, true)).isEmpty();
  }

  @Test
  void yellowBlocksMidUpgradeWhenAReplicaCouldGoToANodeAsNewAsItsPrimary() {
    ClusterView v = new ClusterView(health("yellow", 1), List.of(node("n1", "7.17.29"), node("n2", "7.17.29"),
        node("n3", "7.17.28")), List.of(copy(0, true, "n1"), copy(0, false, null)));
    assertThat(v.unhealthy(MEMBERS, true)).get().asString().contains("load[0]");
  }

  @Test
  void anUnassignedPrimaryAlwaysBlocks() {
    ClusterView v = new ClusterView(health("red", 1), List.of(node("n1", "7.17.29"), node("n2", "7.17.28"),
        node("n3", "7.17.28")), List.of(copy(0, true, null)));
    assertThat(v.unhealthy(MEMBERS, true)).get().asString().contains("primaries not started");
  }

  @Test
  void aNodeHoldingTheOnlyStartedCopyOfAShardMustNotRestart() {
    ClusterView v = new ClusterView(health("yellow", 1), List.of(), List.of(copy(0, true, "n1"), copy(0, false, null),
        copy(1, true, "n2"), copy(1, false, "n1")));
    assertThat(v.shardsOnlyOn("n1")).containsExactly("load[0]");
    assertThat(v.shardsOnlyOn("n2")).isEmpty();
  }
}
