package dev.kubeyard.desktop.manager.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsResponse;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsTransport;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateStateStore;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A STAND-IN Elasticsearch cluster, in memory: nodes with a version and revision that stop and start
 * instantly, and a REST stand-in that answers the calls the engine's rolling update and status make
 * (health green while every node runs, no shards, an in-memory snapshot repository). The real
 * {@link RollingUpdate} runs against it, so the engine's gates, ordering and refusals are the real
 * ones; real Elasticsearch nodes are in {@code ElasticsearchTabUiTest}.
 */
final class StandInFleet implements ElasticsearchFleet {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<String> snapshots = new ArrayList<>();
  private final ElasticsearchApi api = new ElasticsearchApi(new Rest());
  private UpdateState stored;
  private String allocation;
  /** Called with the node's name while it is stopped during an update, before it starts again. */
  Consumer<String> whileStopped = n -> {};

  private static final class Node {
    EsVersion version;
    ConfigRevision revision;
    boolean running;
  }

  /** {@code count} nodes n1..nN, none running and nothing recorded (as before a deploy). */
  static StandInFleet empty(int count) {
    StandInFleet f = new StandInFleet();
    for (int i = 1; i <= count; i++) {
      f.nodes.put("n" + i, new Node());
    }
    return f;
  }

  /** {@code count} nodes running {@code target}, recorded as deployed. */
  static StandInFleet deployed(int count, UpdateTarget target) {
    StandInFleet f = empty(count);
    f.deploy(target, e -> {});
    return f;
  }

  void deploy(UpdateTarget target, UpdateListener listener) {
    nodes.values().forEach(n -> {
      n.version = target.version();
      n.revision = target.revision();
      n.running = true;
    });
    new RollingUpdate(this, listener).recordDeployment(target);
  }

  /** Stores a state as another machine's interrupted update would have left it. */
  void store(UpdateState state) {
    stored = state;
  }

  /** The tab's connection: this fleet, and {@code wanted} as the spec's target. */
  EsConnection connection(UpdateTarget wanted) {
    return new EsConnection() {
      @Override
      public ElasticsearchFleet fleet() {
        return StandInFleet.this;
      }

      @Override
      public UpdateTarget wanted() {
        return wanted;
      }

      @Override
      public void deploy(UpdateListener listener, Consumer<String> log) {
        log.accept("stand-in: starting " + nodes.size() + " nodes");
        StandInFleet.this.deploy(wanted, listener);
      }
    };
  }

  @Override
  public String describe() {
    return nodes.size() + " stand-in nodes in memory";
  }

  @Override
  public ElasticsearchApi api() {
    return api;
  }

  @Override
  public UpdateStateStore stateStore() {
    return new UpdateStateStore() {
      @Override
      public Optional<UpdateState> load() {
        return Optional.ofNullable(stored);
      }

      @Override
      public void save(UpdateState state) {
        stored = state;
      }

      @Override
      public String describe() {
        return "the stand-in's memory";
      }
    };
  }

  @Override
  public List<String> members() {
    return List.copyOf(nodes.keySet());
  }

  @Override
  public void prepare(UpdateTarget target) {}

  @Override
  public boolean running(String node) {
    return nodes.get(node).running;
  }

  @Override
  public void stop(String node) {
    nodes.get(node).running = false;
    whileStopped.accept(node);
  }

  @Override
  public void start(String node, UpdateTarget target) {
    Node n = nodes.get(node);
    n.version = target.version();
    n.revision = target.revision();
    n.running = true;
  }

  /** The REST stand-in: only the calls the engine makes. */
  private final class Rest implements EsTransport {
    @Override
    public EsResponse send(String method, String path, String body) {
      String p = path.replaceAll("\\?.*", "");
      ObjectNode out = JSON.createObjectNode();
      List<String> up = nodes.entrySet().stream().filter(e -> e.getValue().running).map(Map.Entry::getKey).toList();
      if (up.isEmpty()) {
        return new EsResponse(503, "{\"error\":\"no node runs\"}");
      }
      switch (method + " " + p) {
        case "GET /_cluster/health" -> {
          out.put("status", up.size() == nodes.size() ? "green" : "yellow").put("number_of_nodes", up.size())
              .put("active_primary_shards", 1);
        }
        case "GET /_nodes" -> {
          ObjectNode all = out.putObject("nodes");
          for (String name : up) {
            Node n = nodes.get(name);
            ObjectNode j = all.putObject("id-" + name);
            j.put("name", name).put("version", n.version.toString());
            j.putArray("roles").add("data").add("master");
            j.putObject("attributes").put(ConfigRevision.NODE_ATTRIBUTE, n.revision.id());
          }
        }
        case "GET /_cluster/state/master_node" -> out.put("master_node", "id-" + up.get(0));
        case "GET /_cat/shards" -> {
          return new EsResponse(200, "[]");
        }
        case "POST /_flush" -> out.put("ok", true);
        case "GET /_cluster/settings" -> {
          ObjectNode persistent = out.putObject("persistent");
          if (allocation != null) {
            persistent.put(ElasticsearchApi.ALLOCATION_ENABLE, allocation);
          }
        }
        case "PUT /_cluster/settings" -> {
          JsonNode value = read(body).path("persistent").path(ElasticsearchApi.ALLOCATION_ENABLE);
          allocation = value.isNull() || value.isMissingNode() ? null : value.asText();
          out.put("acknowledged", true);
        }
        default -> {
          return snapshot(method, p, out);
        }
      }
      return new EsResponse(200, out.toString());
    }

    private EsResponse snapshot(String method, String p, ObjectNode out) {
      String[] parts = p.split("/");
      if (parts.length < 3 || !"_snapshot".equals(parts[1])) {
        return new EsResponse(404, "{\"error\":\"the stand-in does not know " + method + " " + p + "\"}");
      }
      if (parts.length == 3) {
        return new EsResponse(200, "{\"acknowledged\":true}");
      }
      String name = parts[3];
      if ("GET".equals(method) && "_all".equals(name)) {
        ArrayNode list = out.putArray("snapshots");
        snapshots.forEach(s -> list.addObject().put("snapshot", s));
      } else if ("PUT".equals(method)) {
        snapshots.add(name);
        ObjectNode s = out.putObject("snapshot").put("state", "SUCCESS");
        s.putArray("indices").add("orders");
      } else if ("POST".equals(method) && parts.length == 5 && "_restore".equals(parts[4])) {
        out.putObject("snapshot").putArray("indices").add("orders");
      } else {
        return new EsResponse(404, "{}");
      }
      return new EsResponse(200, out.toString());
    }

    private JsonNode read(String body) {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new IllegalArgumentException(e);
      }
    }

    @Override
    public String describe() {
      return "the stand-in's REST answers";
    }
  }
}
