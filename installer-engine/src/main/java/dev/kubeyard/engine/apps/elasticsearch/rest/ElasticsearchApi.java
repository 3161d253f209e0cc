package dev.kubeyard.engine.apps.elasticsearch.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The Elasticsearch REST calls a rolling update needs, over any {@link EsTransport}. */
public final class ElasticsearchApi {
  public static final String ALLOCATION_ENABLE = "cluster.routing.allocation.enable";
  private final EsTransport transport;

  public ElasticsearchApi(EsTransport transport) {
    this.transport = transport;
  }

  public EsTransport transport() {
    return transport;
  }

  public ClusterHealth health() {
    return ClusterHealth.from(call("GET", "/_cluster/health", null, 200, 408));
  }

  /** Waits server-side up to {@code seconds} for {@code status} with no initializing shards. */
  public ClusterHealth waitForHealth(String status, int seconds) {
    return ClusterHealth.from(call("GET", "/_cluster/health?wait_for_status=" + status
        + "&wait_for_no_initializing_shards=true&wait_for_no_relocating_shards=true&timeout=" + seconds + "s",
        null, 200, 408));
  }

  public List<EsNode> nodes() {
    JsonNode nodes = call("GET", "/_nodes?filter_path=nodes.*.name,nodes.*.version,nodes.*.roles,nodes.*.attributes",
        null, 200).path("nodes");
    List<EsNode> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode n = e.getValue();
      TreeSet<String> roles = new TreeSet<>();
      n.path("roles").forEach(r -> roles.add(r.asText()));
      String revision = n.path("attributes").path("config_revision").asText(null);
      out.add(new EsNode(e.getKey(), n.path("name").asText(), EsVersion.of(n.path("version").asText()), roles,
          revision));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  public Optional<EsNode> node(String name) {
    return nodes().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The node id of the elected master, empty while there is none. */
  public Optional<String> electedMasterId() {
    String id = call("GET", "/_cluster/state/master_node", null, 200).path("master_node").asText("");
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  public List<ShardCopy> shards() {
    JsonNode rows = call("GET", "/_cat/shards?format=json&h=index,shard,prirep,state,node", null, 200);
    List<ShardCopy> out = new ArrayList<>();
    rows.forEach(r -> out.add(new ShardCopy(r.path("index").asText(), r.path("shard").asInt(),
        "p".equals(r.path("prirep").asText()), r.path("state").asText(),
        r.path("node").isNull() ? null : r.path("node").asText(null))));
    return out;
  }

  /** Writes every index's in-memory operations to disk so a restarted copy recovers from its own files. */
  public void flush() {
    call("POST", "/_flush", null, 200);
  }

  /** {@code primaries}, {@code all}, or null to remove the setting (which means all). */
  public void setAllocation(String value) {
    ObjectNode body = EsResponse.JSON.createObjectNode();
    ObjectNode persistent = body.putObject("persistent");
    if (value == null) {
      persistent.putNull(ALLOCATION_ENABLE);
    } else {
      persistent.put(ALLOCATION_ENABLE, value);
    }
    call("PUT", "/_cluster/settings", body.toString(), 200);
  }

  /** The persistent allocation setting, "all" when unset. */
  public String allocation() {
    return call("GET", "/_cluster/settings?flat_settings=true", null, 200).path("persistent")
        .path(ALLOCATION_ENABLE).asText("all");
  }

  public JsonNode call(String method, String path, String body, int... accepted) {
    EsResponse r = transport.send(method, path, body);
    for (int a : accepted) {
      if (r.status() == a) {
        return r.json();
      }
    }
    throw new EsException(method + " " + path + " answered " + r.status() + ": " + r.abbreviated(),
        "check the cluster with `kubeyard es status`");
  }

  /** GET that returns empty on 404. */
  public Optional<JsonNode> find(String path) {
    EsResponse r = transport.send("GET", path, null);
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw new EsException("GET " + path + " answered " + r.status() + ": " + r.abbreviated(),
          "check the cluster with `kubeyard es status`");
    }
    return Optional.of(r.json());
  }
}
