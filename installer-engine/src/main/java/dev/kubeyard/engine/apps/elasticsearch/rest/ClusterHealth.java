package dev.kubeyard.engine.apps.elasticsearch.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of {@code _cluster/health} the update gates read. */
public record ClusterHealth(String status, int nodes, int activePrimaries, int unassigned, int initializing,
    int relocating, boolean timedOut) {

  static ClusterHealth from(JsonNode j) {
    return new ClusterHealth(j.path("status").asText("red"), j.path("number_of_nodes").asInt(),
        j.path("active_primary_shards").asInt(), j.path("unassigned_shards").asInt(),
        j.path("initializing_shards").asInt(), j.path("relocating_shards").asInt(), j.path("timed_out").asBoolean());
  }

  public boolean green() {
    return "green".equals(status);
  }

  public boolean yellow() {
    return "yellow".equals(status);
  }

  @Override
  public String toString() {
    return status + " (" + nodes + " nodes, " + activePrimaries + " primaries, " + unassigned + " unassigned, "
        + initializing + " initializing, " + relocating + " relocating)";
  }
}
