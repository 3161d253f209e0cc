package dev.kubeyard.model.validate;

import dev.kubeyard.model.net.Cidr;
import dev.kubeyard.model.net.Ipv4;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.KubernetesSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import dev.kubeyard.model.version.SupportedLines;
import java.util.List;
import java.util.Optional;

/** Version, CIDRs, the DNS IP, the NodePort range and the runtime. */
final class KubernetesRules implements Rule {

  @Override
  public void check(ClusterSpec s, Problems out) {
    KubernetesSpec k = s.kubernetes();
    Optional<KubernetesVersion> version = KubernetesVersion.parse(k.version());
    if (version.isEmpty()) {
      out.add("kubernetes.version", k.version(), "kubernetes.versionForm",
          SupportedLines.LEGACY, SupportedLines.CURRENT);
    } else if (!SupportedLines.supports(version.get())) {
      out.add("kubernetes.version", k.version(), "kubernetes.versionUnsupported",
          SupportedLines.describe(), SupportedLines.LEGACY, SupportedLines.CURRENT);
    } else if (version.get().atLeast(24) && k.containerRuntime() == ContainerRuntime.DOCKER) {
      out.add("kubernetes.containerRuntime", "docker", "kubernetes.dockershim", k.version());
    }

    Cidr service = cidr("kubernetes.serviceCidr", k.serviceCidr(), out);
    Cidr cluster = cidr("kubernetes.clusterCidr", k.clusterCidr(), out);
    if (service != null && (service.prefix() < 12 || service.prefix() > 28)) {
      out.add("kubernetes.serviceCidr", k.serviceCidr(), "kubernetes.serviceCidrSize", Defaults.SERVICE_CIDR);
    }
    if (cluster != null && cluster.prefix() > 23) {
      out.add("kubernetes.clusterCidr", k.clusterCidr(), "kubernetes.clusterCidrSize", Defaults.CLUSTER_CIDR);
    } else if (cluster != null && s.hosts().size() > (1L << (24 - cluster.prefix()))) {
      out.add("kubernetes.clusterCidr", k.clusterCidr(), "kubernetes.clusterCidrFull",
          1L << (24 - cluster.prefix()), s.hosts().size());
    }
    if (service != null && cluster != null && service.overlaps(cluster)) {
      out.add("kubernetes.clusterCidr", k.clusterCidr(), "kubernetes.overlap", service,
          Defaults.CLUSTER_CIDR, Defaults.SERVICE_CIDR);
    }
    hostAddressesOutside(s.hosts(), service, "kubernetes.serviceCidr", out);
    hostAddressesOutside(s.hosts(), cluster, "kubernetes.clusterCidr", out);
    dnsIp(k, service, out);
    NodePortRules.check(s, out);
    if (!Names.dnsName(k.clusterDomain())) {
      out.add("kubernetes.clusterDomain", k.clusterDomain(), "kubernetes.clusterDomain");
    }
  }

  private static void dnsIp(KubernetesSpec k, Cidr service, Problems out) {
    Optional<Ipv4> dns = Ipv4.parse(k.clusterDnsIp());
    if (dns.isEmpty()) {
      out.add("kubernetes.clusterDnsIp", k.clusterDnsIp(), "dns.address", Defaults.CLUSTER_DNS_IP);
      return;
    }
    if (service == null) {
      return;
    }
    if (!service.contains(dns.get())) {
      out.add("kubernetes.clusterDnsIp", k.clusterDnsIp(), "dns.outside", service, service.address(2));
    } else if (dns.get().equals(service.address(1))) {
      out.add("kubernetes.clusterDnsIp", k.clusterDnsIp(), "dns.kubernetesIp", service.address(1), service.address(2));
    } else if (dns.get().equals(service.first()) || dns.get().equals(service.last())) {
      out.add("kubernetes.clusterDnsIp", k.clusterDnsIp(), "dns.edge", service, service.address(2));
    }
  }

  private static void hostAddressesOutside(List<HostSpec> hosts, Cidr range, String rangePath, Problems out) {
    if (range == null) {
      return;
    }
    for (int i = 0; i < hosts.size(); i++) {
      HostSpec h = hosts.get(i);
      Optional<Ipv4> ip = Ipv4.parse(h.address());
      if (ip.isPresent() && range.contains(ip.get())) {
        out.add("hosts[" + i + "].address", h.address(), "kubernetes.hostInRange", h.name(), rangePath, range);
      }
    }
  }

  static Cidr cidr(String path, String text, Problems out) {
    Cidr.ParseResult r = Cidr.parse(text);
    if (r instanceof Cidr.Refused refused) {
      out.add(path, text, refused.key(), refused.args().toArray());
      return null;
    }
    return ((Cidr.Parsed) r).cidr();
  }
}
