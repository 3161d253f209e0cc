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
      out.add("loadBalancer.vip", lb.vip(), "loadBalancer.vip");
    } else {
      for (int i = 0; i < s.hosts().size(); i++) {
        HostSpec h = s.hosts().get(i);
        if (Ipv4.parse(h.address()).equals(vip)) {
          out.add("loadBalancer.vip", lb.vip(), "loadBalancer.vipIsHost", h.name(), i);
        }
      }
    }
    if (Ipv4.parse(lb.interfaceName()).isPresent() || !Names.interfaceName(lb.interfaceName())) {
      out.add("loadBalancer.interfaceName", lb.interfaceName(), "loadBalancer.interface");
    }
    port("loadBalancer.apiserverPort", lb.apiserverPort(), out);
    port("loadBalancer.ingressHttpPort", lb.ingressHttpPort(), out);
    port("loadBalancer.ingressHttpsPort", lb.ingressHttpsPort(), out);
    if (!Names.inRange(lb.virtualRouterId(), 1, 255)) {
      out.add("loadBalancer.virtualRouterId", lb.virtualRouterId(), "loadBalancer.routerId");
    }
    if (!Names.inRange(lb.advertInterval(), 1, 255)) {
      out.add("loadBalancer.advertInterval", lb.advertInterval(), "loadBalancer.advertInterval");
    }
    if (lb.apiserverPort() != null && (lb.apiserverPort().equals(lb.ingressHttpPort())
        || lb.apiserverPort().equals(lb.ingressHttpsPort()))) {
      out.add("loadBalancer.apiserverPort", lb.apiserverPort(), "loadBalancer.portCollision");
    }
  }

  private static void port(String path, Integer port, Problems out) {
    if (!Names.inRange(port, 1, 65535)) {
      out.add(path, port, "loadBalancer.port");
    }
  }
}
