package dev.kubeyard.model.net;

/**
 * The ports the cluster's components listen on. They are fixed (the spec cannot move them), so the
 * validator, the renderers, preflight and the steps' checks all name them from here.
 */
public final class ComponentPorts {
  /** kube-apiserver's secure port on every master; haproxy forwards the VIP's port to it. */
  public static final int APISERVER = 6443;
  public static final int ETCD_CLIENT = 2379;
  public static final int ETCD_PEER = 2380;
  /** The kubelet's API: logs, exec, port-forward and the metrics metrics-server scrapes. */
  public static final int KUBELET = 10250;
  public static final int KUBELET_HEALTHZ = 10248;
  public static final int KUBE_PROXY_HEALTHZ = 10256;
  public static final int CONTROLLER_MANAGER = 10257;
  public static final int SCHEDULER = 10259;
  /** MetalLB's speakers on the workers' host network: memberlist gossip (TCP and UDP, on the LAN) and metrics/probes (loopback only). */
  public static final int METALLB_MEMBERLIST = 7946;
  public static final int METALLB_METRICS = 7472;
  /** CoreDNS's container port (unprivileged, non-root); its Service maps 53 to it. */
  public static final int COREDNS = 1053;
  /** kube-router's policy controller's /healthz on each node's host network (ADR 39). */
  public static final int KUBE_ROUTER_HEALTH = 20244;

  private ComponentPorts() {}
}
