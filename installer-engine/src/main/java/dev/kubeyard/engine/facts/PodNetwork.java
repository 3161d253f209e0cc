package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.NetworkSpec;

/** The pod network plugin and its overlay settings (flannel vxlan: VNI 4096 on UDP 4789 for Windows). */
public record PodNetwork(String plugin, String backend, int vni, int port) {

  static PodNetwork of(NetworkSpec n) {
    return new PodNetwork(n.plugin(), n.backend(), n.vni(), n.port());
  }

  /** Whether flannel runs: its DaemonSet, its image and its CNI plugins. */
  public boolean flannel() {
    return "flannel".equals(plugin);
  }

  public boolean vxlan() {
    return "vxlan".equals(backend);
  }
}
