package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.rest.ClusterHealth;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import dev.kubeyard.engine.apps.elasticsearch.rest.ShardCopy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One look at the cluster (health, nodes, shard copies) and what the gates conclude from it. */
record ClusterView(ClusterHealth health, List<EsNode> nodes, List<ShardCopy> shards) {

  static ClusterView of(ElasticsearchApi api) {
    return new ClusterView(api.health(), api.nodes(), api.shards());
  }

  /**
   * Empty when the cluster may lose a node: every member joined, no shard moving, and green — or,
   * while a version upgrade is under way, yellow with every primary assigned and every unassigned
   * replica explained by the upgrade (a replica cannot go to a node older than its primary's).
   */
  Optional<String> unhealthy(List<String> members, boolean versionUpgrade) {
    List<String> names = nodes.stream().map(EsNode::name).toList();
    List<String> missing = members.stream().filter(m -> !names.contains(m)).toList();
    if (!missing.isEmpty()) {
      return Optional.of("node(s) " + missing + " not in the cluster; health " + health);
    }
    if (health.initializing() > 0 || health.relocating() > 0) {
      return Optional.of("shards are moving; health " + health);
    }
    if (health.green()) {
      return Optional.empty();
    }
    List<ShardCopy> unassignedPrimaries = shards.stream().filter(s -> s.primary() && !s.started()).toList();
    if (!unassignedPrimaries.isEmpty()) {
      return Optional.of("primaries not started: " + unassignedPrimaries.stream().map(ShardCopy::key).toList());
    }
    if (!versionUpgrade) {
      return Optional.of("health is " + health + ", green is needed");
    }
    List<String> unexplained = unexplainedReplicas();
    return unexplained.isEmpty() ? Optional.empty()
        : Optional.of("yellow with replicas the upgrade does not explain: " + unexplained);
  }

  /** Unassigned replicas that could go to some node not older than their primary's node. */
  List<String> unexplainedReplicas() {
    Map<String, EsNode> byName = nodes.stream().collect(Collectors.toMap(EsNode::name, Function.identity()));
    return shards.stream().filter(s -> !s.primary() && s.node() == null).filter(replica -> {
      Optional<ShardCopy> primary = shards.stream()
          .filter(p -> p.primary() && p.key().equals(replica.key()) && p.node() != null).findFirst();
      if (primary.isEmpty() || !byName.containsKey(primary.get().node())) {
        return true;
      }
      EsNode primaryNode = byName.get(primary.get().node());
      List<String> holders = shards.stream().filter(c -> c.key().equals(replica.key()) && c.node() != null)
          .map(ShardCopy::node).toList();
      return nodes.stream().filter(n -> !holders.contains(n.name()))
          .anyMatch(n -> !primaryNode.version().isAfter(n.version()));
    }).map(ShardCopy::key).distinct().toList();
  }

  /** Shards on {@code node} whose only started copy is there: restarting it would make them unavailable. */
  List<String> shardsOnlyOn(String node) {
    return shards.stream().filter(s -> node.equals(s.node())).filter(s -> shards.stream()
        .noneMatch(o -> o.key().equals(s.key()) && o.started() && o.node() != null && !o.node().equals(node)))
        .map(ShardCopy::key).distinct().toList();
  }
}
