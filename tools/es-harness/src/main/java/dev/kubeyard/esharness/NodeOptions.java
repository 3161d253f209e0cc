package dev.kubeyard.esharness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.elasticsearch.common.settings.Settings;

/**
 * Command-line options (each with an ES_* environment fallback) turned into node settings.
 * Without --seed-hosts the node forms a single-node cluster; with them it joins or bootstraps a
 * multi-node one (--initial-masters only on the first start of a new cluster, as in zen2).
 */
final class NodeOptions {
  static final String USAGE = String.join("\n",
      "usage: java -cp 'es-harness.jar:lib/*' dev.kubeyard.esharness.Main [options]",
      "  --home DIR              path.home (default: ./es-home; env ES_HOME)",
      "  --data DIR              path.data (default: <home>/data; env ES_DATA)",
      "  --name NAME             node.name (default: node-1; env ES_NODE_NAME)",
      "  --cluster NAME          cluster.name (default: kubeyard-test; env ES_CLUSTER_NAME)",
      "  --http-port PORT        http.port (default: 9200; env ES_HTTP_PORT)",
      "  --transport-port PORT   transport.port (default: 9300; env ES_TRANSPORT_PORT)",
      "  --seed-hosts H:P,...    discovery.seed_hosts; omit for a single-node cluster (env ES_SEED_HOSTS)",
      "  --initial-masters N,... cluster.initial_master_nodes (env ES_INITIAL_MASTERS)",
      "  --repo DIR              path.repo, for snapshot tests (env ES_REPO)",
      "  -E key=value            any other node setting, repeatable");

  final Path home;
  final Settings settings;

  private NodeOptions(Path home, Settings settings) {
    this.home = home;
    this.settings = settings;
  }

  static NodeOptions parse(String[] args, Map<String, String> env) {
    Map<String, String> opt = new TreeMap<>();
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      if (a.equals("-E")) {
        extra.add(value);
      } else if (a.startsWith("--")) {
        opt.put(a.substring(2), value);
      } else {
        throw new IllegalArgumentException("unknown argument " + a + "\n" + USAGE);
      }
    }
    Path home = Path.of(pick(opt, env, "home", "ES_HOME", "es-home")).toAbsolutePath();
    Settings.Builder s = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", pick(opt, env, "data", "ES_DATA", home.resolve("data").toString()))
        .put("node.name", pick(opt, env, "name", "ES_NODE_NAME", "node-1"))
        .put("cluster.name", pick(opt, env, "cluster", "ES_CLUSTER_NAME", "kubeyard-test"))
        .put("network.host", "127.0.0.1")
        .put("http.port", pick(opt, env, "http-port", "ES_HTTP_PORT", "9200"))
        .put("transport.port", pick(opt, env, "transport-port", "ES_TRANSPORT_PORT", "9300"))
        .put("transport.type", "netty4")
        .put("http.type", "netty4")
        // test machines may have fuller disks than a server; never block writes on the watermark
        .put("cluster.routing.allocation.disk.threshold_enabled", false);
    String seeds = pick(opt, env, "seed-hosts", "ES_SEED_HOSTS", "");
    if (seeds.isBlank()) {
      s.put("discovery.type", "single-node");
    } else {
      s.putList("discovery.seed_hosts", seeds.split(","));
      String masters = pick(opt, env, "initial-masters", "ES_INITIAL_MASTERS", "");
      if (!masters.isBlank()) {
        s.putList("cluster.initial_master_nodes", masters.split(","));
      }
    }
    String repo = pick(opt, env, "repo", "ES_REPO", "");
    if (!repo.isBlank()) {
      s.put("path.repo", repo);
    }
    for (String kv : extra) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("-E needs key=value, got " + kv);
      }
      s.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    opt.keySet().removeAll(List.of("home", "data", "name", "cluster", "http-port", "transport-port",
        "seed-hosts", "initial-masters", "repo"));
    if (!opt.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s) " + opt.keySet() + "\n" + USAGE);
    }
    return new NodeOptions(home, s.build());
  }

  private static String pick(Map<String, String> opt, Map<String, String> env, String key, String envName,
      String fallback) {
    String v = opt.get(key);
    if (v == null) {
      v = env.get(envName);
    }
    return v == null || v.isEmpty() ? fallback : v;
  }
}
