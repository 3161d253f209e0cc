package dev.kubeyard.model.validate;

import dev.kubeyard.model.net.Cidr;
import dev.kubeyard.model.net.Ipv4;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.ContainerRuntime;
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
      out.add("kubernetes.version", k.version(), "not a version of the form 1.MINOR.PATCH",
          "use for example " + SupportedLines.LEGACY + " or " + SupportedLines.CURRENT);
    } else if (!SupportedLines.supports(version.get())) {
      out.add("kubernetes.version", k.version(),
          "Kubeyard supports the lines " + SupportedLines.describe(),
          "use " + SupportedLines.LEGACY + " (the 1.14 line) or " + SupportedLines.CURRENT);
    } else if (version.get().atLeast(24) && k.containerRuntime() == ContainerRuntime.DOCKER) {
      out.add("kubernetes.containerRuntime", "docker",
          "dockershim was removed in Kubernetes 1.24; " + k.version() + " cannot use docker",
          "set containerRuntime: containerd");
    }

    Cidr service = cidr("kubernetes.serviceCidr", k.serviceCidr(), out);
    Cidr cluster = cidr("kubernetes.clusterCidr", k.clusterCidr(), out);
    if (service != null && (service.prefix() < 12 || service.prefix() > 28)) {
      out.add("kubernetes.serviceCidr", k.serviceCidr(),
          "the service CIDR must be between /12 (kube-apiserver's limit) and /28",
          "use a /16 such as " + dev.kubeyard.model.spec.Defaults.SERVICE_CIDR);
    }
    if (cluster != null && cluster.prefix() > 23) {
      out.add("kubernetes.clusterCidr", k.clusterCidr(),
          "flannel gives every node a /24 out of the cluster CIDR, so it must be /23 or larger",
          "use a /16 such as " + dev.kubeyard.model.spec.Defaults.CLUSTER_CIDR);
    } else if (cluster != null && s.hosts().size() > (1L << (24 - cluster.prefix()))) {
      out.add("kubernetes.clusterCidr", k.clusterCidr(),
          "holds " + (1L << (24 - cluster.prefix())) + " node subnets (/24) for " + s.hosts().size()
              + " hosts", "use a larger cluster CIDR");
    }
    if (service != null && cluster != null && service.overlaps(cluster)) {
      out.add("kubernetes.clusterCidr", k.clusterCidr(),
          "overlaps the service CIDR " + service, "choose ranges that do not overlap, e.g. "
              + dev.kubeyard.model.spec.Defaults.CLUSTER_CIDR + " and " + dev.kubeyard.model.spec.Defaults.SERVICE_CIDR);
    }
    hostAddressesOutside(s.hosts(), service, "kubernetes.serviceCidr", out);
    hostAddressesOutside(s.hosts(), cluster, "kubernetes.clusterCidr", out);
    dnsIp(k, service, out);
    NodePortRules.check(s, out);
    if (!Names.dnsName(k.clusterDomain())) {
      out.add("kubernetes.clusterDomain", k.clusterDomain(),
          "the cluster domain must be a DNS name without a trailing dot", "use cluster.local");
    }
  }

  private static void dnsIp(KubernetesSpec k, Cidr service, Problems out) {
    Optional<Ipv4> dns = Ipv4.parse(k.clusterDnsIp());
    if (dns.isEmpty()) {
      out.add("kubernetes.clusterDnsIp", k.clusterDnsIp(), "not an IPv4 address",
          "use an address inside the service CIDR, e.g. " + dev.kubeyard.model.spec.Defaults.CLUSTER_DNS_IP);
      return;
    }
    if (service == null) {
      return;
    }
    if (!service.contains(dns.get())) {
      out.add("kubernetes.clusterDnsIp", k.clusterDnsIp(),
          "the cluster DNS IP must be inside the service CIDR " + service, "use " + service.address(2));
    } else if (dns.get().equals(service.address(1))) {
      out.add("kubernetes.clusterDnsIp", k.clusterDnsIp(),
          "the first service IP " + service.address(1) + " belongs to the 'kubernetes' service",
          "use " + service.address(2));
    } else if (dns.get().equals(service.first()) || dns.get().equals(service.last())) {
      out.add("kubernetes.clusterDnsIp", k.clusterDnsIp(),
          "the network or broadcast address of " + service + " cannot be a service IP",
          "use " + service.address(2));
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
        out.add("hosts[" + i + "].address", h.address(),
            "host '" + h.name() + "' lies inside " + rangePath + " " + range
                + "; pod and service routes would hide it",
            "move " + rangePath + " to a range none of the hosts use");
      }
    }
  }

  static Cidr cidr(String path, String text, Problems out) {
    Cidr.ParseResult r = Cidr.parse(text);
    if (r instanceof Cidr.Refused refused) {
      out.add(path, text, refused.rule(), refused.fix());
      return null;
    }
    return ((Cidr.Parsed) r).cidr();
  }
}
