package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.NetworkSpec;

/** The pod network: flannel with the vxlan or host-gw backend. */
final class NetworkRules implements Rule {

  @Override
  public void check(ClusterSpec s, Problems out) {
    NetworkSpec n = s.network();
    if (!"flannel".equals(n.plugin())) {
      out.add("network.plugin", n.plugin(), "Kubeyard installs flannel (the only plugin serving Linux and Windows nodes here)",
          "set plugin: flannel");
    }
    if (!"vxlan".equals(n.backend()) && !"host-gw".equals(n.backend())) {
      out.add("network.backend", n.backend(), "flannel backends are vxlan or host-gw", "use vxlan");
    }
    if (!Names.inRange(n.vni(), 1, 16_777_215)) {
      out.add("network.vni", n.vni(), "a VXLAN network identifier is 1-16777215", "use 4096");
    }
    if (!Names.inRange(n.port(), 1, 65535)) {
      out.add("network.port", n.port(), "a UDP port is 1-65535", "use 4789");
    }
  }
}
