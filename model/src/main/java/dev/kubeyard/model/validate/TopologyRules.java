package dev.kubeyard.model.validate;

import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.List;

/** How many hosts hold each role: etcd quorum, HA control plane, at least one Linux worker. */
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
      out.add("hosts[*].roles", "0 etcd", "the cluster needs etcd members", "give 'etcd' to 1 or 3 hosts");
    } else if (etcd % 2 == 0) {
      out.add("hosts[*].roles", etcd + " etcd",
          "an even number of etcd members tolerates no more failures than one fewer",
          "use an odd count: " + (etcd - 1) + " or " + (etcd + 1));
    }
    if (masters == 0) {
      out.add("hosts[*].roles", "0 master", "the cluster needs a master", "give 'master' to at least one host");
    }
    if (linuxNodes == 0) {
      out.add("hosts[*].roles", "0 linux node",
          "CoreDNS, flannel and metrics-server need a Linux worker", "give 'node' to at least one Linux host");
    }
    if (s.highlyAvailable()) {
      if (etcd > 0 && etcd < 3) {
        out.add("hosts[*].roles", etcd + " etcd", "an HA cluster (loadBalancer.vip set) needs at least 3 etcd members",
            "give 'etcd' to 3 hosts, or remove loadBalancer for a single-master lab");
      }
      if (masters == 1) {
        out.add("hosts[*].roles", "1 master", "an HA cluster (loadBalancer.vip set) needs at least 2 masters",
            "give 'master' to a second host, or remove loadBalancer for a single-master lab");
      }
      if (lbs < 2) {
        out.add("hosts[*].roles", lbs + " lb", "an HA cluster (loadBalancer.vip set) needs 2 lb hosts for keepalived",
            "give 'lb' to 2 hosts");
      }
    } else if (lbs > 0) {
      out.add("loadBalancer.vip", null, "hosts have role 'lb' but no VIP is set",
          "set loadBalancer.vip, or remove the 'lb' role");
    } else if (masters > 1) {
      out.add("loadBalancer.vip", null, masters + " masters need a load balancer in front of them",
          "set loadBalancer.vip and give 'lb' to 2 hosts");
    }
    List<HostSpec> lbHosts = s.hostsWithRole(Role.LB);
    for (HostSpec lb : lbHosts) {
      if (lb.has(Role.MASTER) && s.loadBalancer() != null && Integer.valueOf(ComponentPorts.APISERVER).equals(s.loadBalancer().apiserverPort())) {
        out.add("loadBalancer.apiserverPort", ComponentPorts.APISERVER,
            "lb host '" + lb.name() + "' is also a master whose apiserver listens on " + ComponentPorts.APISERVER,
            "keep the default 8443");
      }
    }
  }
}
