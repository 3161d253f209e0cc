package dev.kubeyard.model.validate;

import dev.kubeyard.model.net.Ipv4;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.LoadBalancerSpec;
import java.util.Optional;

/** The VIP and the haproxy/keepalived settings. */
final class LoadBalancerRules implements Rule {

  @Override
  public void check(ClusterSpec s, Problems out) {
    LoadBalancerSpec lb = s.loadBalancer();
    if (lb == null) {
      return;
    }
    Optional<Ipv4> vip = Ipv4.parse(lb.vip());
    if (vip.isEmpty()) {
      out.add("loadBalancer.vip", lb.vip(), "not an IPv4 address",
          "use a free address on the hosts' network, e.g. 192.168.1.10");
    } else {
      for (int i = 0; i < s.hosts().size(); i++) {
        HostSpec h = s.hosts().get(i);
        if (Ipv4.parse(h.address()).equals(vip)) {
          out.add("loadBalancer.vip", lb.vip(),
              "the VIP equals the address of host '" + h.name() + "' (hosts[" + i + "]); keepalived moves it between hosts",
              "use an unused address on the same network");
        }
      }
    }
    if (Ipv4.parse(lb.interfaceName()).isPresent() || !Names.interfaceName(lb.interfaceName())) {
      out.add("loadBalancer.interfaceName", lb.interfaceName(),
          "must be a network interface name (keepalived's 'interface'), not an address",
          "use the LB hosts' interface name, e.g. eth0");
    }
    port("loadBalancer.apiserverPort", lb.apiserverPort(), out);
    port("loadBalancer.ingressHttpPort", lb.ingressHttpPort(), out);
    port("loadBalancer.ingressHttpsPort", lb.ingressHttpsPort(), out);
    if (!Names.inRange(lb.virtualRouterId(), 1, 255)) {
      out.add("loadBalancer.virtualRouterId", lb.virtualRouterId(), "VRRP router ids are 1-255",
          "use a number no other VRRP group on the network uses, e.g. 111");
    }
    if (!Names.inRange(lb.advertInterval(), 1, 255)) {
      out.add("loadBalancer.advertInterval", lb.advertInterval(), "the VRRP advert interval is 1-255 seconds",
          "use 1 (fast failover) or 3");
    }
    if (lb.apiserverPort() != null && (lb.apiserverPort().equals(lb.ingressHttpPort())
        || lb.apiserverPort().equals(lb.ingressHttpsPort()))) {
      out.add("loadBalancer.apiserverPort", lb.apiserverPort(), "collides with an ingress port on the LB",
          "use 8443 for the apiserver, 80/443 for ingress");
    }
  }

  private static void port(String path, Integer port, Problems out) {
    if (!Names.inRange(port, 1, 65535)) {
      out.add(path, port, "a port is 1-65535", "use the default");
    }
  }
}
