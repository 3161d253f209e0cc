package dev.kubeyard.engine.plan;

/** The install order. Hosts in one phase run in parallel; a phase starts when the one before it ended everywhere. */
public enum Phase {
  PREFLIGHT("preflight checks"),
  PREPARE_OS("prepare the OS"),
  CERTIFICATES("place certificates"),
  ETCD("etcd"),
  LOAD_BALANCER("load balancer"),
  CONTAINER_RUNTIME("container runtime"),
  CONTROL_PLANE("control plane"),
  NODE("node components"),
  ADDONS("cluster addons");

  private final String title;

  Phase(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
