package dev.kubeyard.model.validate;

import dev.kubeyard.model.net.AddressRange;
import dev.kubeyard.model.net.Cidr;
import dev.kubeyard.model.net.Ipv4;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.NetworkSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts' LAN and the addresses MetalLB gives LoadBalancer Services. In layer 2 the speakers on
 * the workers answer ARP for those addresses, so they must be free addresses of the workers' own
 * subnet: no host, no VIP, nothing a DHCP server may lease, nothing the pod or service routes hide.
 */
final class ServiceAddressRules implements Rule {
  /** MetalLB 0.15's CRDs carry CEL validation rules (1.25+) and it reads discovery/v1 EndpointSlices. */
  static final int MIN_MINOR = 25;

  @Override
  public void check(ClusterSpec s, Problems out) {
    NetworkSpec n = s.network();
    Cidr subnet = n.hostSubnet() == null ? null : KubernetesRules.cidr("network.hostSubnet", n.hostSubnet(), out);
    if (subnet != null) {
      workersInside(s, subnet, out);
    }
    AddressRange dhcp = null;
    if (n.dhcpRange() != null) {
      dhcp = AddressRange.parse(n.dhcpRange()).orElse(null);
      if (dhcp == null) {
        out.add("network.dhcpRange", n.dhcpRange(), "network.dhcpRange");
      }
    }
    if (!n.serviceLoadBalancer()) {
      return;
    }
    Optional<KubernetesVersion> version = KubernetesVersion.parse(s.kubernetes().version());
    if (version.isPresent() && !version.get().atLeast(MIN_MINOR)) {
      out.add("network.loadBalancerAddresses", n.loadBalancerAddresses(), "lbAddresses.version",
          s.kubernetes().version(), "1." + MIN_MINOR);
    }
    if (n.hostSubnet() == null) {
      out.add("network.hostSubnet", null, "lbAddresses.subnetRequired");
    }
    if (s.hostsWithRole(Role.NODE).stream().allMatch(HostSpec::isWindows)) {
      out.add("network.loadBalancerAddresses", n.loadBalancerAddresses(), "lbAddresses.noWorkers");
    }
    List<AddressRange> seen = new ArrayList<>();
    for (int i = 0; i < n.loadBalancerAddresses().size(); i++) {
      String text = n.loadBalancerAddresses().get(i);
      String path = "network.loadBalancerAddresses[" + i + "]";
      Optional<AddressRange> range = AddressRange.parse(text);
      if (range.isEmpty()) {
        out.add(path, text, "lbAddresses.form");
        seen.add(null);
        continue;
      }
      check(s, range.get(), subnet, dhcp, path, text, out);
      for (int j = 0; j < seen.size(); j++) {
        if (seen.get(j) != null && seen.get(j).overlaps(range.get())) {
          out.add(path, text, "lbAddresses.overlap", j);
        }
      }
      seen.add(range.get());
    }
  }

  private static void check(ClusterSpec s, AddressRange r, Cidr subnet, AddressRange dhcp, String path, String text,
      Problems out) {
    if (subnet != null && !r.inside(subnet)) {
      out.add(path, text, "lbAddresses.outsideSubnet", subnet);
    } else if (subnet != null && subnet.prefix() <= 30 && (r.contains(subnet.first()) || r.contains(subnet.last()))) {
      out.add(path, text, "lbAddresses.subnetEdge", subnet.first(), subnet.last());
    }
    for (int i = 0; i < s.hosts().size(); i++) {
      HostSpec h = s.hosts().get(i);
      Optional<Ipv4> ip = Ipv4.parse(h.address());
      if (ip.isPresent() && r.contains(ip.get())) {
        out.add(path, text, "lbAddresses.host", h.name(), i);
      }
    }
    Optional<Ipv4> vip = s.loadBalancer() == null ? Optional.empty() : Ipv4.parse(s.loadBalancer().vip());
    if (vip.isPresent() && r.contains(vip.get())) {
      out.add(path, text, "lbAddresses.vip", vip.get());
    }
    if (dhcp != null && r.overlaps(dhcp)) {
      out.add(path, text, "lbAddresses.dhcp", dhcp);
    }
    kubernetesCidr(r, "kubernetes.serviceCidr", s.kubernetes().serviceCidr(), path, text, out);
    kubernetesCidr(r, "kubernetes.clusterCidr", s.kubernetes().clusterCidr(), path, text, out);
  }

  private static void kubernetesCidr(AddressRange r, String cidrPath, String cidrText, String path, String text,
      Problems out) {
    if (Cidr.parse(cidrText) instanceof Cidr.Parsed p && r.overlaps(p.cidr())) {
      out.add(path, text, "lbAddresses.kubernetesCidr", cidrPath, p.cidr());
    }
  }

  /** The speakers run on the Linux workers: each must be on the subnet whose addresses it announces. */
  private static void workersInside(ClusterSpec s, Cidr subnet, Problems out) {
    for (int i = 0; i < s.hosts().size(); i++) {
      HostSpec h = s.hosts().get(i);
      Optional<Ipv4> ip = Ipv4.parse(h.address());
      if (h.has(Role.NODE) && !h.isWindows() && ip.isPresent() && !subnet.contains(ip.get())) {
        out.add("hosts[" + i + "].address", h.address(), "network.workerOutsideSubnet", h.name(), subnet);
      }
    }
  }
}
