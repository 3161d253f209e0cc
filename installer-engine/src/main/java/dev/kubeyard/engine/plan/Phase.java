package dev.kubeyard.engine.plan;

/**
 * The install order. A phase starts when the one before it ended everywhere. Hosts in one phase run in
 * parallel, except where restarting them together would take the cluster's API down: the lb hosts (both
 * haproxy and the VIP gone at once) and the masters (every apiserver at once) go one host at a time.
 * etcd stays parallel: a new member does not report ready until a quorum has started with it.
 */
public enum Phase {
  PREFLIGHT("preflight checks", false),
  PREPARE_OS("prepare the OS", false),
  CERTIFICATES("place certificates", false),
  ETCD("etcd", false),
  LOAD_BALANCER("load balancer", true),
  CONTAINER_RUNTIME("container runtime", false),
  CONTROL_PLANE("control plane", true),
  NODE("node components", false),
  ADDONS("cluster addons", false);

  private final String title;
  private final boolean oneHostAtATime;

  Phase(String title, boolean oneHostAtATime) {
    this.title = title;
    this.oneHostAtATime = oneHostAtATime;
  }

  public String title() {
    return title;
  }

  public boolean oneHostAtATime() {
    return oneHostAtATime;
  }
}
