package dev.kubeyard.engine.apps.elasticsearch.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the harness nodes of a local cluster live (nodes.json): cluster name, the run-es.sh script,
 * the shared snapshot directory (path.repo) and each node's name, home (its data path is
 * home/data, kept across restarts) and loopback ports. It holds no update state: that is in the cluster.
 */
public record LocalNodes(String cluster, String harness, String repo, List<Node> nodes) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One harness node. */
  public record Node(String name, String home, int httpPort, int transportPort) {}

  public LocalNodes {
    nodes = List.copyOf(nodes);
  }

  /** {@code count} nodes n1..nN under {@code dir}, HTTP ports basePort+1.., transport ports basePort+101... */
  public static LocalNodes layout(Path dir, String cluster, Path harness, int count, int basePort) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      nodes.add(new Node("n" + i, dir.resolve("n" + i).toAbsolutePath().toString(), basePort + i, basePort + 100 + i));
    }
    return new LocalNodes(cluster, harness.toAbsolutePath().toString(), dir.resolve("snapshots").toAbsolutePath()
        .toString(), nodes);
  }

  public static LocalNodes read(Path file) {
    try {
      return JSON.readValue(file.toFile(), LocalNodes.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the local nodes file " + file + ": " + e.getMessage(), e);
    }
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Node node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no local node named " + name));
  }

  public List<Integer> httpPorts() {
    return nodes.stream().map(Node::httpPort).toList();
  }

  public String seedHosts() {
    return nodes.stream().map(n -> "127.0.0.1:" + n.transportPort()).collect(Collectors.joining(","));
  }
}
