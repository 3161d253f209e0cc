package dev.kubeyard.desktop.manager;

import dev.kubeyard.engine.k8s.ClusterStatus;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import java.util.List;

/**
 * A STAND-IN cluster: no apiserver runs on this machine yet. The engine's own tests run the real
 * Kubernetes client against a loopback stand-in apiserver; the desktop's tests need only the answers.
 */
public final class ClusterStatusStandIn implements ClusterStatus {
  private final boolean reachable;
  private volatile int flannelRestarts = 5;
  private volatile boolean node1Ready;
  private volatile int nodeReads;

  public ClusterStatusStandIn(boolean reachable) {
    this.reachable = reachable;
  }

  @Override
  public List<NodeStatus> nodes() {
    check();
    nodeReads++;
    return List.of(
        new NodeStatus("master1", "linux", List.of("control-plane"), "v1.35.0", true, "192.168.1.1",
            List.of(new Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"))),
        node1Ready
            ? new NodeStatus("node1", "linux", List.of("node"), "v1.35.0", true, "192.168.1.3",
                List.of(new Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")))
            : new NodeStatus("node1", "linux", List.of("node"), "v1.35.0", false, "192.168.1.3",
                List.of(new Condition("Ready", "False", "KubeletNotReady", "cni config uninitialized"))),
        new NodeStatus("win1", "windows", List.of(), "v1.35.0", true, "192.168.1.6", List.of()));
  }

  @Override
  public List<String> namespaces() {
    check();
    return List.of("default", "kube-system");
  }

  @Override
  public List<PodStatus> pods(String namespace) {
    check();
    return namespace.equals("kube-system")
        ? List.of(new PodStatus("kube-system", "coredns-7db6d8ff4d-x2x9q", "Running", 1, List.of("coredns"), 0, "node1"),
            new PodStatus("kube-system", "kube-flannel-ds-8hxkq", "Running", 1, List.of("kube-flannel", "install-cni"), flannelRestarts, "node1"))
        : List.of();
  }

  /** node1's CNI comes up: from the next read on it is Ready. */
  public void node1BecomesReady() {
    node1Ready = true;
  }

  public int nodeReads() {
    return nodeReads;
  }

  /** The flannel pod restarts once more: the next pod list differs. */
  public void restartFlannel() {
    flannelRestarts++;
  }

  @Override
  public String podLog(String namespace, String pod, String container, int tailLines) {
    check();
    return "log of " + namespace + "/" + pod + " (" + container + "), last " + tailLines + " lines\n.:53\nCoreDNS-1.11.3\n";
  }

  @Override
  public List<IngressStatus> ingresses() {
    check();
    return List.of(
        new IngressStatus("elastic", "elasticsearch", "traefik", List.of("search.example.com"), ""),
        new IngressStatus("platform", "platform-gateway", "traefik", List.of("gateway.example.com"), "192.168.1.100"));
  }

  @Override
  public List<ComponentHealth> components() {
    check();
    return List.of(new ComponentHealth("readyz/etcd", true, "ok"), new ComponentHealth("readyz/ping", true, "ok"),
        new ComponentHealth("etcd-2", false, "dial tcp 192.168.1.3:2379: connect: connection refused"));
  }

  private void check() {
    if (!reachable) {
      throw new ClusterStatusException("cannot list nodes: Connection refused",
          "check that https://192.168.1.10:8443 is reachable from this machine", null);
    }
  }
}
