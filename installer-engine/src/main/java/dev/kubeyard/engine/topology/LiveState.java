package dev.kubeyard.engine.topology;

import java.util.Map;

/**
 * What is known now about a running cluster, to colour the picture: whether each kubelet is Ready, keyed
 * by node name or address (a node may register under either). The plan's picture has none ({@link #planned()}).
 * Which lb host holds the VIP now is not here: the Kubernetes API does not know it (ADR 17, ADR 26).
 */
public record LiveState(boolean live, Map<String, Boolean> readyByNode) {

  public LiveState {
    readyByNode = Map.copyOf(readyByNode);
  }

  public static LiveState planned() {
    return new LiveState(false, Map.of());
  }

  public static LiveState of(Map<String, Boolean> readyByNode) {
    return new LiveState(true, readyByNode);
  }

  /** Ready, not ready, or null when the cluster does not report this host (or the picture is not live). */
  public Boolean ready(ClusterTopology.Host host) {
    Boolean byName = readyByNode.get(host.name());
    return byName != null ? byName : readyByNode.get(host.address());
  }
}
