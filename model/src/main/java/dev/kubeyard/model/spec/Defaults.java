package dev.kubeyard.model.spec;

import dev.kubeyard.model.version.SupportedLines;
import java.util.List;

/**
 * The one place defaults are applied. Values follow the original notes (kubeasz 1.x layout) except
 * where the notes were wrong; see docs/adr/0002-spec-defaults.md.
 */
public final class Defaults {
  public static final String SERVICE_CIDR = "10.68.0.0/16";
  public static final String CLUSTER_CIDR = "172.20.0.0/16";
  public static final String NODE_PORT_RANGE = "20000-40000";
  public static final String CLUSTER_DNS_IP = "10.68.0.2";
  public static final String CLUSTER_DOMAIN = "cluster.local";
  public static final int APISERVER_PORT = 8443;
  public static final int INGRESS_HTTP_NODE_PORT = 23456;
  public static final int INGRESS_HTTPS_NODE_PORT = 23457;
  public static final int INGRESS_SQLSERVER_NODE_PORT = 23458;
  public static final int FLANNEL_VNI = 4096;
  public static final int FLANNEL_PORT = 4789;
  /** apps.elasticsearch.version when absent, and the version the CLI and the desktop offer first. */
  public static final String ELASTICSEARCH_VERSION = "7.17.29";

  private Defaults() {}

  /** Returns a copy with every absent value filled in. Idempotent. */
  public static ClusterSpec apply(ClusterSpec s) {
    KubernetesSpec k = s.kubernetes() == null
        ? new KubernetesSpec(null, null, null, null, null, null, null) : s.kubernetes();
    String version = or(k.version(), SupportedLines.LEGACY);
    // containerd on every line (ADR 33): the bundle carries containerd, never Docker; docker stays a choice
    // before 1.24 for sites that bring their own.
    ContainerRuntime runtime = or(k.containerRuntime(), ContainerRuntime.CONTAINERD);
    KubernetesSpec kubernetes = new KubernetesSpec(version,
        or(k.serviceCidr(), SERVICE_CIDR),
        or(k.clusterCidr(), CLUSTER_CIDR),
        or(k.nodePortRange(), NODE_PORT_RANGE),
        or(k.clusterDnsIp(), CLUSTER_DNS_IP),
        or(k.clusterDomain(), CLUSTER_DOMAIN),
        runtime,
        or(k.restrictOomScoreAdj(), false));

    LoadBalancerSpec lb = s.loadBalancer() == null ? null : new LoadBalancerSpec(
        s.loadBalancer().vip(),
        or(s.loadBalancer().apiserverPort(), APISERVER_PORT),
        or(s.loadBalancer().interfaceName(), "eth0"),
        or(s.loadBalancer().virtualRouterId(), 111),
        or(s.loadBalancer().advertInterval(), 3),
        or(s.loadBalancer().ingressHttpPort(), 80),
        or(s.loadBalancer().ingressHttpsPort(), 443),
        or(s.loadBalancer().ingressHttpNodePort(), INGRESS_HTTP_NODE_PORT),
        or(s.loadBalancer().ingressHttpsNodePort(), INGRESS_HTTPS_NODE_PORT),
        or(s.loadBalancer().ingressSqlServerNodePort(), INGRESS_SQLSERVER_NODE_PORT));

    NetworkSpec n = s.network() == null ? new NetworkSpec(null, null, null, null) : s.network();
    NetworkSpec network = new NetworkSpec(or(n.plugin(), "flannel"), or(n.backend(), "vxlan"),
        or(n.vni(), FLANNEL_VNI), or(n.port(), FLANNEL_PORT), n.hostSubnet(), n.dhcpRange(),
        n.loadBalancerAddresses(), n.enforceNetworkPolicy()); // unset: not enforced

    PkiSpec p = s.pki() == null ? new PkiSpec(null, null, null) : s.pki();
    PkiSpec pki = new PkiSpec(or(p.keyAlgorithm(), PkiSpec.RSA_2048), or(p.caValidityDays(), 3650),
        or(p.certValidityDays(), 365), p.ingressCertificate());

    List<HostSpec> hosts = s.hosts() == null ? List.of() : s.hosts().stream().map(Defaults::host).toList();
    boolean hasWindows = hosts.stream().anyMatch(HostSpec::isWindows);
    WindowsSpec windows = s.windows();
    if (windows != null || hasWindows) {
      WindowsSpec w = windows == null ? new WindowsSpec(null, null, null) : windows;
      windows = new WindowsSpec(or(w.serverVersion(), "1809"), or(w.networkMode(), "overlay"),
          or(w.installDir(), "C:\\k"));
    }

    Metadata metadata = new Metadata(s.metadata() == null || s.metadata().name() == null
        ? "kubeyard" : s.metadata().name());
    return new ClusterSpec(s.apiVersion(), s.kind(), metadata, kubernetes, lb, network, pki, windows,
        hosts, apps(s.apps()));
  }

  private static HostSpec host(HostSpec h) {
    OsFamily os = h.os() == null ? OsFamily.LINUX : h.os();
    SshSpec defaults = new SshSpec(os == OsFamily.WINDOWS ? "Administrator" : "root", 22,
        "~/.ssh/id_ed25519", null);
    SshSpec ssh = h.ssh() == null ? defaults : h.ssh().orElse(defaults);
    return new HostSpec(h.name(), h.address(), os, h.roles() == null ? List.of() : h.roles(), ssh);
  }

  private static AppsSpec apps(AppsSpec a) {
    if (a == null) {
      return null;
    }
    ElasticsearchSpec es = a.elasticsearch() == null ? null : new ElasticsearchSpec(
        or(a.elasticsearch().enabled(), true), or(a.elasticsearch().version(), ELASTICSEARCH_VERSION),
        or(a.elasticsearch().namespace(), "elastic"), or(a.elasticsearch().masters(), 3),
        or(a.elasticsearch().data(), 2), or(a.elasticsearch().ingest(), 2),
        or(a.elasticsearch().storageSize(), "50Gi"), a.elasticsearch().storageClass(),
        or(a.elasticsearch().heap(), "1g"), a.elasticsearch().image(), a.elasticsearch().ingressHost());
    SqlServerSpec sql = a.sqlserver() == null ? null : sqlServer(a.sqlserver());
    GitlabSpec gl = a.gitlab() == null ? null : new GitlabSpec(
        or(a.gitlab().enabled(), true), or(a.gitlab().version(), "17.11.0"), a.gitlab().images(),
        or(a.gitlab().namespace(), "gitlab"), or(a.gitlab().host(), "gitlab.example.com"),
        or(a.gitlab().webserviceReplicas(), 2), or(a.gitlab().sidekiqReplicas(), 2),
        a.gitlab().postgresHost(), a.gitlab().redisSentinels(), a.gitlab().objectStorageEndpoint(),
        GitlabPostgresSpec.withDefaults(a.gitlab().postgres()), gitlabRedis(a.gitlab().redis()));
    PythonServiceSpec py = a.pythonService() == null ? null : new PythonServiceSpec(
        or(a.pythonService().enabled(), true), or(a.pythonService().namespace(), "platform"),
        or(a.pythonService().image(), PythonServiceSpec.BUNDLE_IMAGE),
        or(a.pythonService().replicas(), 2), or(a.pythonService().host(), "gateway.example.com"));
    return new AppsSpec(es, sql, gl, py);
  }

  private static GitlabRedisSpec gitlabRedis(GitlabRedisSpec r) {
    return r == null ? new GitlabRedisSpec(GitlabRedisSpec.DEFAULT_REPLICAS, GitlabRedisSpec.DEFAULT_SENTINELS)
        : new GitlabRedisSpec(or(r.replicas(), GitlabRedisSpec.DEFAULT_REPLICAS),
            or(r.sentinels(), GitlabRedisSpec.DEFAULT_SENTINELS));
  }

  private static SqlServerSpec sqlServer(SqlServerSpec q) {
    int replicas = or(q.replicas(), 3);
    String ns = or(q.namespace(), "mssql");
    return new SqlServerSpec(or(q.enabled(), true), or(q.version(), "2022"), q.edition(), q.image(),
        q.acceptEula(), ns, replicas, or(q.availabilityGroup(), "ag1"), or(q.databases(), List.of()),
        or(q.storageSize(), "20Gi"), q.storageClass(), or(q.writeLeaseValiditySeconds(), 20),
        or(q.requiredSynchronizedSecondariesToCommit(), SqlServerSpec.defaultRequiredSynchronizedSecondaries(replicas)),
        or(q.saPasswordFrom(), SqlServerSpec.SECRET_REFERENCE + ns + "/sa-password"),
        or(q.masterKeyPasswordFrom(), SqlServerSpec.SECRET_REFERENCE + ns + "/master-key-password"),
        q.exposeTcpPort());
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
