package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Pod network. Windows overlay nodes need flannel vxlan with VNI 4096 on UDP 4789.
 * The hosts' own LAN: {@code hostSubnet} (CIDR), {@code dhcpRange} (first-last, what a DHCP server on
 * it hands out) and {@code loadBalancerAddresses}, the ranges or CIDRs MetalLB gives Services of type
 * LoadBalancer and announces by ARP from the workers (docs/adr/0031-metallb-layer2.md); no MetalLB
 * when unset.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"plugin", "backend", "vni", "port", "hostSubnet", "dhcpRange", "loadBalancerAddresses"})
public record NetworkSpec(String plugin, String backend, Integer vni, Integer port, String hostSubnet,
    String dhcpRange, List<String> loadBalancerAddresses) {

  public NetworkSpec {
    loadBalancerAddresses = loadBalancerAddresses == null ? null : List.copyOf(loadBalancerAddresses);
  }

  /** The pod network alone, as written before the host LAN fields existed. */
  public NetworkSpec(String plugin, String backend, Integer vni, Integer port) {
    this(plugin, backend, vni, port, null, null, null);
  }

  /** True when the spec asks for LoadBalancer Services (MetalLB). */
  public boolean serviceLoadBalancer() {
    return loadBalancerAddresses != null && !loadBalancerAddresses.isEmpty();
  }
}
