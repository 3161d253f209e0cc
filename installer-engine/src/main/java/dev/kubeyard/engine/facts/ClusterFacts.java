package dev.kubeyard.engine.facts;

import dev.kubeyard.model.net.Cidr;
import dev.kubeyard.model.net.Ipv4;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.validate.Validator;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything derived from a valid spec that rendering and PKI need: addresses, endpoints, SANs.
 * Rendering reads these facts, never the raw spec, so a derivation lives in exactly one place.
 */
public record ClusterFacts(
    ClusterSpec spec,
    KubernetesVersion version,
    Cidr serviceCidr,
    Cidr clusterCidr,
    Ipv4 kubernetesServiceIp,
    Ipv4 dnsIp,
    List<HostSpec> hosts,
    List<EtcdMember> etcdMembers) {

  public static final int APISERVER_SECURE_PORT = 6443;

  /** Derives facts from a spec that {@link Validator} accepted; refuses an invalid one. */
  public static ClusterFacts of(ClusterSpec raw) {
    Validator.Result result = Validator.validate(raw);
    if (!result.valid()) {
      throw new IllegalArgumentException("the spec is invalid:\n  " + result.problems().stream()
          .map(Object::toString).collect(Collectors.joining("\n  ")));
    }
    ClusterSpec s = result.spec();
    Cidr service = Cidr.of(s.kubernetes().serviceCidr());
    List<EtcdMember> etcd = new ArrayList<>();
    for (HostSpec h : s.hostsWithRole(Role.ETCD)) {
      etcd.add(new EtcdMember("etcd-" + h.name(), h.name(), h.address()));
    }
    return new ClusterFacts(s, KubernetesVersion.of(s.kubernetes().version()), service,
        Cidr.of(s.kubernetes().clusterCidr()), service.address(1), Ipv4.parse(s.kubernetes().clusterDnsIp()).orElseThrow(),
        s.hosts(), List.copyOf(etcd));
  }

  public String clusterName() {
    return spec.metadata().name();
  }

  public String clusterDomain() {
    return spec.kubernetes().clusterDomain();
  }

  public List<HostSpec> withRole(Role role) {
    return spec.hostsWithRole(role);
  }

  public List<HostSpec> linuxHosts() {
    return hosts.stream().filter(h -> !h.isWindows()).toList();
  }

  public HostSpec host(String name) {
    return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no host named " + name));
  }

  /** The apiserver's readiness endpoint: /readyz from 1.16, /healthz before (1.14 has no /readyz). */
  public String apiserverReadinessPath() {
    return version.atLeast(16) ? "/readyz" : "/healthz";
  }

  /** The master that applies cluster-wide objects (the addons): the first one in the spec. */
  public HostSpec firstMaster() {
    return withRole(Role.MASTER).get(0);
  }

  /** Where every client reaches the API: the VIP's haproxy in HA, else the single master. */
  public String apiserverUrl() {
    if (spec.highlyAvailable()) {
      return "https://" + spec.loadBalancer().vip() + ":" + spec.loadBalancer().apiserverPort();
    }
    return "https://" + firstMaster().address() + ":" + APISERVER_SECURE_PORT;
  }

  /** Comma-separated etcd client URLs for kube-apiserver's --etcd-servers. */
  public String etcdServers() {
    return etcdMembers.stream().map(EtcdMember::clientUrl).collect(Collectors.joining(","));
  }

  /** etcd's --initial-cluster: every peer over https (the notes mixed http and https). */
  public String etcdInitialCluster() {
    return etcdMembers.stream().map(m -> m.name() + "=" + m.peerUrl()).collect(Collectors.joining(","));
  }

  public String etcdClusterToken() {
    return "etcd-" + clusterName();
  }

  /**
   * The apiserver serving certificate's SANs: VIP, every master, loopback, the first service IP and
   * the in-cluster names. The DNS IP is not among them (the notes' mistake).
   */
  public Set<String> apiserverSans() {
    Set<String> sans = new LinkedHashSet<>();
    if (spec.highlyAvailable()) {
      sans.add(spec.loadBalancer().vip());
    }
    withRole(Role.MASTER).forEach(m -> sans.add(m.address()));
    withRole(Role.MASTER).forEach(m -> sans.add(m.name()));
    sans.add("127.0.0.1");
    sans.add(kubernetesServiceIp.toString());
    sans.add("kubernetes");
    sans.add("kubernetes.default");
    sans.add("kubernetes.default.svc");
    sans.add("kubernetes.default.svc." + clusterDomain());
    sans.add("localhost");
    return sans;
  }
}
