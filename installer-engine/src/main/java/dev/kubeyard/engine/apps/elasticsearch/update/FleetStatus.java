package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.rest.ClusterHealth;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What `kubeyard es status` prints and the desktop's Elasticsearch tab shows, read once from a fleet:
 * health, the allocation setting, every node in the cluster (version, revision, roles), the members
 * that are not in it, and the update state stored in the cluster.
 */
public record FleetStatus(
    String fleet,
    ClusterHealth health,
    String allocation,
    List<EsNode> nodes,
    List<Absent> absent,
    Optional<UpdateState> lastUpdate) {

  /** A member of the fleet the cluster does not list right now; {@code running}: its process or pod exists. */
  public record Absent(String node, boolean running) {}

  public FleetStatus {
    nodes = List.copyOf(nodes);
    absent = List.copyOf(absent);
  }

  /** Reads the status; the REST calls fail with an {@code EsException} while no node answers. */
  public static FleetStatus read(ElasticsearchFleet fleet) {
    ElasticsearchApi api = fleet.api();
    ClusterHealth health = api.health();
    String allocation = api.allocation();
    List<EsNode> nodes = api.nodes();
    List<Absent> absent = new ArrayList<>();
    for (String m : fleet.members()) {
      if (nodes.stream().noneMatch(n -> n.name().equals(m))) {
        absent.add(new Absent(m, fleet.running(m)));
      }
    }
    return new FleetStatus(fleet.describe(), health, allocation, nodes, absent, fleet.stateStore().load());
  }

  /** The status as lines of text, as the command line prints it. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(fleet);
    out.add("health: " + health);
    out.add("shard allocation: " + allocation);
    nodes.forEach(n -> out.add("  " + n.describe() + " roles " + n.roles()));
    absent.forEach(a -> out.add("  " + a.node() + ": not in the cluster" + (a.running() ? " (running)" : " (not running)")));
    out.add("last update: " + lastUpdate.map(UpdateState::describe).orElse("none recorded"));
    return out;
  }
}
