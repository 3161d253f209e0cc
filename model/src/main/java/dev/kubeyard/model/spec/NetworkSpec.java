package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Pod network. Windows overlay nodes need flannel vxlan with VNI 4096 on UDP 4789.
 * The hosts' own LAN: {@code hostSubnet} (CIDR), {@code dhcpRange} (first-last, what a DHCP server on
 * it hands out) and {@code loadBalancerAddresses}, the ranges or CIDRs MetalLB gives Services of type
 * LoadBalancer and announces by ARP from the workers (docs/adr/0031-metallb-layer2.md); no MetalLB
 * when unset. {@code enforceNetworkPolicy} (default false) runs kube-router's network policy controller on
 * every Linux node, so the apps' NetworkPolicies (default-deny plus their named flows) are enforced
 * beside flannel, which ignores them (docs/adr/0039-network-policy-with-kube-router.md). Off by default
 * until the coordinator has seen it proven on the lab.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"plugin", "backend", "vni", "port", "hostSubnet", "dhcpRange", "loadBalancerAddresses",
    "enforceNetworkPolicy"})
public record NetworkSpec(String plugin, String backend, Integer vni, Integer port, String hostSubnet,
    String dhcpRange, List<String> loadBalancerAddresses, Boolean enforceNetworkPolicy) {

  public NetworkSpec {
    loadBalancerAddresses = loadBalancerAddresses == null ? null : List.copyOf(loadBalancerAddresses);
  }

  /** The pod network alone, as written before the host LAN fields existed. */
  public NetworkSpec(String plugin, String backend, Integer vni, Integer port) {
    this(plugin, backend, vni, port, null, null, null, null);
  }

  /** The pod network and the host LAN, as written before network policies were enforced. */
  public NetworkSpec(String plugin, String backend, Integer vni, Integer port, String hostSubnet, String dhcpRange,
      List<String> loadBalancerAddresses) {
    this(plugin, backend, vni, port, hostSubnet, dhcpRange, loadBalancerAddresses, null);
  }

  /** True when the spec asks for LoadBalancer Services (MetalLB). */
  public boolean serviceLoadBalancer() {
    return loadBalancerAddresses != null && !loadBalancerAddresses.isEmpty();
  }
}
