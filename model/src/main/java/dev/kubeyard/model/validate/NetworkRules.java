package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.NetworkSpec;

/** The pod network: flannel with the vxlan or host-gw backend. */
final class NetworkRules implements Rule {

  @Override
  public void check(ClusterSpec s, Problems out) {
    NetworkSpec n = s.network();
    if (!"flannel".equals(n.plugin())) {
      out.add("network.plugin", n.plugin(), "network.plugin");
    }
    if (!"vxlan".equals(n.backend()) && !"host-gw".equals(n.backend())) {
      out.add("network.backend", n.backend(), "network.backend");
    }
    if (!Names.inRange(n.vni(), 1, 16_777_215)) {
      out.add("network.vni", n.vni(), "network.vni");
    }
    if (!Names.inRange(n.port(), 1, 65535)) {
      out.add("network.port", n.port(), "network.port");
    }
  }
}
