package dev.kubeyard.engine.apps.elasticsearch.rest;

/** One copy of a shard from {@code _cat/shards}; {@code node} is a node name, null while unassigned. */
public record ShardCopy(String index, int shard, boolean primary, String state, String node) {

  public boolean started() {
    return "STARTED".equals(state);
  }

  public String key() {
    return index + "[" + shard + "]";
  }
}
