package dev.kubeyard.engine.apps.elasticsearch.local;

import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.LoopbackHttpTransport;
import dev.kubeyard.engine.apps.elasticsearch.update.ClusterIndexStateStore;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateStateStore;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.local.LocalProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node-restart adapter: Elasticsearch processes started by tools/es-harness/run-es.sh on this
 * machine. Stopping is SIGTERM (a clean close); starting runs the target version's harness build
 * with the same home and data path, the revision's heap and settings, and the revision id as the
 * node attribute the orchestrator checks. Processes have no template, so {@link #prepare} has
 * nothing to do: the target travels in the update state stored in the cluster.
 */
public final class HarnessFleet implements ElasticsearchFleet {
  /** C1 only and the serial collector: test nodes start noticeably faster on a busy two-core machine. */
  static final String QUICK_START_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
  private final LocalNodes layout;
  private final ElasticsearchApi api;
  private final UpdateStateStore store;

  public HarnessFleet(LocalNodes layout) {
    this.layout = layout;
    this.api = new ElasticsearchApi(LoopbackHttpTransport.ports(layout.httpPorts()));
    this.store = new ClusterIndexStateStore(api);
  }

  public LocalNodes layout() {
    return layout;
  }

  @Override
  public String describe() {
    return layout.nodes().size() + " harness nodes of cluster " + layout.cluster() + " on 127.0.0.1 ports "
        + layout.httpPorts();
  }

  @Override
  public ElasticsearchApi api() {
    return api;
  }

  @Override
  public UpdateStateStore stateStore() {
    return store;
  }

  @Override
  public List<String> members() {
    return layout.nodes().stream().map(LocalNodes.Node::name).toList();
  }

  @Override
  public void prepare(UpdateTarget target) {
    // nothing: a process gets its version and settings when start() runs it
  }

  @Override
  public boolean running(String node) {
    // the pid file may outlive its process, and pids are reused: it counts only while it is this node
    String home = layout.node(node).home();
    return pid(node).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
        .flatMap(p -> p.info().commandLine()).map(c -> c.contains("dev.kubeyard.esharness.Main") && c.contains(home))
        .orElse(false);
  }

  @Override
  public void stop(String node) throws InterruptedException {
    harness(node, List.of("stop"), Map.of());
  }

  @Override
  public void start(String node, UpdateTarget target) throws InterruptedException {
    start(node, target, Optional.empty());
  }

  /** Starts a node; {@code initialMasters} only when a new cluster bootstraps. */
  void start(String node, UpdateTarget target, Optional<String> initialMasters) throws InterruptedException {
    LocalNodes.Node n = layout.node(node);
    ConfigRevision revision = target.revision();
    List<String> args = new ArrayList<>(List.of("start", "--home", n.home(), "--name", n.name(), "--cluster",
        layout.cluster(), "--http-port", Integer.toString(n.httpPort()), "--transport-port",
        Integer.toString(n.transportPort()), "--seed-hosts", layout.seedHosts(), "--repo", layout.repo(),
        "-E", "node.attr." + ConfigRevision.NODE_ATTRIBUTE + "=" + revision.id()));
    initialMasters.ifPresent(m -> args.addAll(List.of("--initial-masters", m)));
    revision.nodeSettings().forEach((k, v) -> args.addAll(List.of("-E", k + "=" + v)));
    harness(node, args, Map.of("ES_VERSION", target.version().toString(), "ES_HEAP", revision.heap(),
        "ES_JAVA_OPTS", QUICK_START_JVM));
  }

  private void harness(String node, List<String> args, Map<String, String> env) throws InterruptedException {
    LocalNodes.Node n = layout.node(node);
    List<String> command = new ArrayList<>(List.of("bash", layout.harness()));
    command.addAll(args);
    Map<String, String> e = new HashMap<>(env);
    e.put("ES_HOME", n.home());
    e.put("ES_PID_FILE", Path.of(n.home(), "es.pid").toString());
    try {
      Files.createDirectories(Path.of(n.home()));
      LocalProcess.Result r = LocalProcess.of(command).environment(e).run();
      if (r.exit() != 0) {
        throw new IllegalStateException("run-es.sh " + args.get(0) + " for " + node + " failed (exit " + r.exit()
            + "):\n" + r.output());
      }
    } catch (IOException ex) {
      throw new IllegalStateException("cannot run " + layout.harness() + ": " + ex.getMessage(), ex);
    }
  }

  private Optional<Long> pid(String node) {
    Path file = Path.of(layout.node(node).home(), "es.pid");
    try {
      return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
