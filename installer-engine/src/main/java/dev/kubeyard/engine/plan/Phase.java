package dev.kubeyard.engine.plan;

/**
 * The install order. A phase starts when the one before it ended everywhere. Hosts in one phase run in
 * parallel, except where restarting them together would take the cluster's API down: the lb hosts (both
 * haproxy and the VIP gone at once), the etcd members (the quorum; a forming cluster's members pass their
 * verify while starting, see StartEtcd) and the masters (every apiserver at once) go one host at a time.
 */
public enum Phase {
  PREFLIGHT("preflight checks", false),
  PREPARE_OS("prepare the OS", false),
  CERTIFICATES("place certificates", false),
  ETCD("etcd", true),
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
