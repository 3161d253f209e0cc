package dev.kubeyard.engine.facts;

import dev.kubeyard.model.net.Cidr;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.net.Ipv4;
import dev.kubeyard.model.spec.AppsSpec;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SqlServerSpec;
import dev.kubeyard.model.validate.ValidSpec;
import dev.kubeyard.model.validate.Validator;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything derived from a valid spec that rendering, PKI and the plan need: addresses, endpoints,
 * SANs, ports, the runtime and network choices. render/, pki/ and plan/ read these facts, never the
 * raw spec ({@code EngineArchitectureTest} holds them to it), so a derivation lives in one place.
 * {@link #spec()} stays for the engine's edges that hand the whole spec on (bundle completeness).
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

  /** Derives facts from a spec validated at the entry (CLI, wizard): no second validation. */
  public static ClusterFacts of(ValidSpec valid) {
    ClusterSpec s = valid.spec();
    Cidr service = Cidr.of(s.kubernetes().serviceCidr());
    List<EtcdMember> etcd = new ArrayList<>();
    for (HostSpec h : s.hostsWithRole(Role.ETCD)) {
      etcd.add(new EtcdMember("etcd-" + h.name(), h.name(), h.address()));
    }
    return new ClusterFacts(s, KubernetesVersion.of(s.kubernetes().version()), service,
        Cidr.of(s.kubernetes().clusterCidr()), service.address(1), Ipv4.parse(s.kubernetes().clusterDnsIp()).orElseThrow(),
        s.hosts(), List.copyOf(etcd));
  }

  /** For a caller that holds a spec nobody validated yet (tests, the wizard's draft): validates, then derives. */
  public static ClusterFacts of(ClusterSpec raw) {
    return of(Validator.requireValid(raw));
  }

  public String clusterName() {
    return spec.metadata().name();
  }

  public String clusterDomain() {
    return spec.kubernetes().clusterDomain();
  }

  public ContainerRuntime containerRuntime() {
    return spec.kubernetes().containerRuntime();
  }

  /** Docker runs the pods (the lines before 1.24 may choose it); otherwise containerd. */
  public boolean dockerRuntime() {
    return containerRuntime() == ContainerRuntime.DOCKER;
  }

  /** The hosts cannot lower a process's OOM score (e.g. the lab's containers): containerd must not ask. */
  public boolean restrictOomScoreAdj() {
    return Boolean.TRUE.equals(spec.kubernetes().restrictOomScoreAdj());
  }

  /** kube-apiserver's --service-node-port-range, e.g. 20000-40000. */
  public String nodePortRange() {
    return spec.kubernetes().nodePortRange();
  }

  public PodNetwork network() {
    return PodNetwork.of(spec.network());
  }

  /** The VIP and its ports; null when the spec has no load balancer (a single master). */
  public ApiLoadBalancer loadBalancer() {
    return ApiLoadBalancer.of(spec.loadBalancer());
  }

  /**
   * The ranges or CIDRs MetalLB gives Services of type LoadBalancer, as the spec writes them (validated
   * against the hosts' LAN); empty when the spec asks for no MetalLB.
   */
  public List<String> loadBalancerAddresses() {
    return spec.network().serviceLoadBalancer() ? spec.network().loadBalancerAddresses() : List.of();
  }

  /** Whether MetalLB runs: the spec gives it addresses. */
  public boolean serviceLoadBalancer() {
    return !loadBalancerAddresses().isEmpty();
  }

  /** Where the managed apps run, for their NetworkPolicies (ADR 39). */
  public AppNamespaces appNamespaces() {
    return AppNamespaces.of(spec.apps());
  }

  /** Whether kube-router's policy controller enforces NetworkPolicy (network.enforceNetworkPolicy, ADR 39). */
  public boolean enforcesNetworkPolicy() {
    return Boolean.TRUE.equals(spec.network().enforceNetworkPolicy());
  }

  public PkiPolicy pki() {
    return PkiPolicy.of(spec.pki());
  }

  /** Where the Windows workers keep everything (C:\k by default); null without Windows hosts. */
  public String windowsInstallDir() {
    return spec.windows() == null ? null : spec.windows().installDir();
  }

  /** The applications the spec asks for, for their deployers (apps/, k8s/); null when none. */
  public AppsSpec apps() {
    return spec.apps();
  }

  /** apps.sqlserver when it is enabled (ADR 41): its manifests, certificates and bootstrap read it. */
  public Optional<SqlServerSpec> sqlServer() {
    return Optional.ofNullable(spec.apps()).map(AppsSpec::sqlserver).filter(s -> !Boolean.FALSE.equals(s.enabled()));
  }

  /** The names of the enabled availability group's objects; empty without SQL Server. */
  public Optional<SqlServerGroup> sqlServerGroup() {
    return sqlServer().map(SqlServerGroup::of);
  }

  /** GitLab's PostgreSQL when Kubeyard runs it (ADR 42): GitLab enabled without an external postgresHost. */
  public Optional<GitlabPostgres> gitlabPostgres() {
    return Optional.ofNullable(spec.apps()).flatMap(a -> GitlabPostgres.of(a.gitlab()));
  }

  /** GitLab's Redis and Sentinels run by Kubeyard (ADR 43): GitLab enabled without external redisSentinels. */
  public boolean runsGitlabRedis() {
    var gitlab = spec.apps() == null ? null : spec.apps().gitlab();
    return gitlab != null && !Boolean.FALSE.equals(gitlab.enabled()) && gitlab.redisSentinels() == null;
  }

  /** True when apps.pythonService is on and runs the bundle's gateway image, so the nodes must hold it. */
  public boolean runsBundleGatewayImage() {
    return spec.apps() != null && spec.apps().pythonService() != null && spec.apps().pythonService().runsBundleImage();
  }

  /** The enabled apps as the topology picture names them, in the spec's order. */
  public List<PlatformApp> platformApps() {
    return PlatformApp.of(spec.apps());
  }

  /**
   * The host names the Ingress serves, sorted: each enabled app's host (the Python service's, GitLab's,
   * and any other app whose {@link PlatformApp#ingressHost()} is set). The ingress certificate's SANs.
   */
  public List<String> ingressHosts() {
    return IngressController.hosts(platformApps());
  }

  /** The DNS names a Service answers to inside the cluster, short to fully qualified. */
  public List<String> serviceNames(String service, String namespace) {
    String n = service + "." + namespace;
    return List.of(service, n, n + ".svc", n + ".svc." + clusterDomain());
  }

  /**
   * The ingress certificate's SANs: {@link #ingressHosts()}, or, with no app host yet, a placeholder
   * name of the cluster's own so the certificate, its Secret and the controller exist from the first
   * install; adding an app host changes the SANs and the next plan re-issues it.
   */
  public List<String> ingressCertificateSans() {
    List<String> hosts = ingressHosts();
    return hosts.isEmpty() ? List.of("ingress." + clusterName() + ".local") : hosts;
  }

  /**
   * The administrator's own ingress certificate files, when pki.ingressCertificate names them; empty: the
   * cluster CA issues the ingress certificate (PKI name 'ingress').
   */
  public Optional<OwnCertificateFiles> ownIngressCertificate() {
    return Optional.ofNullable(OwnCertificateFiles.of(spec.pki().ingressCertificate()));
  }

  /** The ingress controller addon's ports, nodes and TCP entrypoint (ADR 29). */
  public IngressController ingressController() {
    return IngressController.of(loadBalancer(), hosts, spec.apps());
  }

  public List<HostSpec> withRole(Role role) {
    return spec.hostsWithRole(role);
  }

  /** Every host that runs a kubelet, Linux or Windows, in the spec's order. */
  public List<HostSpec> kubeletHosts() {
    return hosts.stream().filter(NodeRoles::runsKubelet).toList();
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
      return loadBalancer().url();
    }
    return "https://" + firstMaster().address() + ":" + ComponentPorts.APISERVER;
  }

  /** A master's own apiserver, for the components beside it (controller-manager, scheduler, checks). */
  public String localApiserverUrl() {
    return "https://127.0.0.1:" + ComponentPorts.APISERVER;
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
