package dev.kubeyard.model.validate;

import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.List;

/**
 * How many hosts hold each role: etcd quorum, HA control plane, at least one Linux worker; a warning
 * for etcd beside workloads.
 */
final class TopologyRules implements Rule {

  @Override
  public void check(ClusterSpec s, Problems out) {
    if (s.hosts().isEmpty()) {
      return;
    }
    int etcd = s.hostsWithRole(Role.ETCD).size();
    int masters = s.hostsWithRole(Role.MASTER).size();
    int lbs = s.hostsWithRole(Role.LB).size();
    long linuxNodes = s.hostsWithRole(Role.NODE).stream().filter(h -> !h.isWindows()).count();
    if (etcd == 0) {
      out.add("hosts[*].roles", "0 etcd", "topology.noEtcd");
    } else if (etcd % 2 == 0) {
      out.add("hosts[*].roles", etcd + " etcd", "topology.evenEtcd", etcd - 1, etcd + 1);
    }
    if (masters == 0) {
      out.add("hosts[*].roles", "0 master", "topology.noMaster");
    }
    if (linuxNodes == 0) {
      out.add("hosts[*].roles", "0 linux node", "topology.noLinuxNode");
    }
    if (s.highlyAvailable()) {
      if (etcd > 0 && etcd < 3) {
        out.add("hosts[*].roles", etcd + " etcd", "topology.haEtcd");
      }
      if (masters == 1) {
        out.add("hosts[*].roles", "1 master", "topology.haMasters");
      }
      if (lbs < 2) {
        out.add("hosts[*].roles", lbs + " lb", "topology.haLbs");
      }
    } else if (lbs > 0) {
      out.add("loadBalancer.vip", null, "topology.lbWithoutVip");
    } else if (masters > 1) {
      out.add("loadBalancer.vip", null, "topology.mastersWithoutVip", masters);
    }
    // A warning, not an error: small clusters do it knowingly. A worker's pods can starve etcd of disk
    // and I/O, and one escaping its container finds the etcd keys and data beside it.
    for (int i = 0; i < s.hosts().size(); i++) {
      HostSpec h = s.hosts().get(i);
      if (h.has(Role.ETCD) && h.has(Role.NODE)) {
        out.warn("hosts[" + i + "].roles", h.roles().stream().map(Role::yamlName).toList(), "topology.etcdOnWorker",
            h.name());
      }
    }
    List<HostSpec> lbHosts = s.hostsWithRole(Role.LB);
    for (HostSpec lb : lbHosts) {
      if (lb.has(Role.MASTER) && s.loadBalancer() != null && Integer.valueOf(ComponentPorts.APISERVER).equals(s.loadBalancer().apiserverPort())) {
        out.add("loadBalancer.apiserverPort", ComponentPorts.APISERVER, "topology.lbIsMaster", lb.name(),
            ComponentPorts.APISERVER);
      }
    }
  }
}
