package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.facts.PodNetwork;
import dev.kubeyard.engine.pki.CertificateCatalogue;
import dev.kubeyard.engine.podsecurity.PodSecurity;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-cluster addons as manifests, one file each, on the first master, which applies them: flannel,
 * CoreDNS, metrics-server, the RBAC that lets the apiserver reach kubelets, the ingress controller
 * ({@link IngressControllerFiles}) and NetworkPolicy ({@link NetworkPolicyFiles}).
 */
public final class AddonFiles implements HostRenderer {
  /**
   * The administrators' group binding, applied once with the break-glass credential (BindClusterAdmins);
   * beside the addons, not among them, so only that step places and applies it.
   */
  public static final String CLUSTER_ADMINS_RBAC = HostPaths.KUBE + "/cluster-admins-rbac.yaml";
  static final String KUBELET_CA_DIR = "/etc/kubeyard/kubelet-ca";
  static final String SERVICE_ACCOUNT_CA = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";
  private static final int DNS_PORT = ComponentPorts.COREDNS;
  private static final int METRICS_PORT = 10250;
  /** The policies and their RBAC on the 1.14 line; sorts first, so kubectl applies it before any workload. */
  static final String POD_SECURITY_POLICIES = "00-pod-security-policies.yaml";

  /** A workload the addons start, as {@code kubectl rollout status} names it. */
  public record Workload(String namespace, String resource) {}

  /** The workloads to wait for after applying the addons. */
  public static List<Workload> workloads(ClusterFacts facts) {
    List<Workload> out = new ArrayList<>(List.of(new Workload(flannelNamespace(facts.version()), "daemonset/kube-flannel-ds"),
        new Workload("kube-system", "deployment/coredns"),
        new Workload("kube-system", "deployment/metrics-server"),
        new Workload(IngressControllerFiles.NAMESPACE, "deployment/" + IngressControllerFiles.DEPLOYMENT)));
    if (facts.serviceLoadBalancer()) {
      out.add(new Workload(MetalLbFiles.NAMESPACE, "deployment/controller"));
      out.add(new Workload(MetalLbFiles.NAMESPACE, "daemonset/speaker"));
    }
    if (facts.enforcesNetworkPolicy()) {
      out.add(new Workload(flannelNamespace(facts.version()), "daemonset/kube-router"));
    }
    return List.copyOf(out);
  }

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!host.name().equals(ctx.facts().firstMaster().name())) {
      return List.of();
    }
    Map<String, Object> rbac = Map.of("user", CertificateCatalogue.APISERVER_KUBELET_CLIENT_USER);
    List<RenderedFile> files = new ArrayList<>(List.of(
        file(host, "flannel.yaml", flannel(ctx)),
        file(host, "coredns.yaml", coredns(ctx)),
        file(host, "metrics-server.yaml", metricsServer(ctx)),
        file(host, "apiserver-to-kubelet-rbac.yaml", rbac),
        RenderedFile.rootOnly(host.name(), CLUSTER_ADMINS_RBAC, Templates.render("addons/cluster-admins-rbac.yaml",
            Map.of("group", CertificateCatalogue.CLUSTER_ADMINS_GROUP)))));
    if (PodSecurity.policies(ctx.version())) {
      files.add(RenderedFile.rootOnly(host.name(), HostPaths.ADDONS + "/" + POD_SECURITY_POLICIES,
          Templates.render("addons/pod-security-policies.yaml", podSecurityPolicies(ctx.version()))));
    }
    IngressControllerFiles.manifests(ctx).forEach((name, text) ->
        files.add(RenderedFile.rootOnly(host.name(), HostPaths.ADDONS + "/" + name, text)));
    NetworkPolicyFiles.manifests(ctx).forEach((name, text) ->
        files.add(RenderedFile.rootOnly(host.name(), HostPaths.ADDONS + "/" + name, text)));
    return files;
  }

  private static RenderedFile file(HostSpec host, String name, Map<String, Object> scope) {
    return RenderedFile.rootOnly(host.name(), HostPaths.ADDONS + "/" + name, Templates.render("addons/" + name, scope));
  }

  /**
   * Before 1.17 the system-*-critical priority classes were only allowed in kube-system. kube-router's
   * policy controller (ADR 39) shares flannel's namespace: both are privileged node agents.
   */
  static String flannelNamespace(KubernetesVersion v) {
    return v.atLeast(17) ? "kube-flannel" : "kube-system";
  }

  private static Map<String, Object> flannel(RenderContext ctx) {
    ClusterFacts facts = ctx.facts();
    PodNetwork net = facts.network();
    String namespace = flannelNamespace(ctx.version());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("namespace", namespace);
    m.put("ownNamespace", !namespace.equals("kube-system"));
    m.put("daemonSet", "kube-flannel-ds");
    m.put("network", facts.clusterCidr().toString());
    m.put("backend", net.backend());
    m.put("vxlan", net.vxlan());
    m.put("vni", net.vni());
    m.put("port", net.port());
    m.put("image", ctx.images().flannel());
    m.put("podSecurityLabels", PodSecurity.namespaceLabelList(PodSecurityLevel.PRIVILEGED, ctx.version()));
    return m;
  }

  /** Policies named so the narrowest that fits sorts first; see the template's header. */
  private static Map<String, Object> podSecurityPolicies(KubernetesVersion v) {
    List<Map<String, String>> levels = List.of(
        Map.of("level", "restricted", "policy", "kubeyard-0-restricted"),
        Map.of("level", "baseline", "policy", "kubeyard-1-baseline"),
        Map.of("level", "privileged", "policy", "kubeyard-2-privileged"));
    return Map.of("levels", levels, "clusterWide", levels.subList(0, 2), "flannelNamespace", flannelNamespace(v));
  }

  private static Map<String, Object> coredns(RenderContext ctx) {
    KubernetesVersion v = ctx.version();
    boolean current = AddonImages.currentReleases(v);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dnsPort", DNS_PORT);
    m.put("endpointSlices", current);
    m.put("readyPlugin", ctx.images().corednsReadyPlugin()); // without it, 1.14's Corefile keeps 'upstream'
    m.put("clusterDomain", ctx.facts().clusterDomain());
    m.put("clusterDns", ctx.facts().dnsIp().toString());
    m.put("masterTaintKey", NodeRoles.masterTaintKey(v));
    m.put("seccomp", v.atLeast(19));
    m.put("image", ctx.images().coredns());
    // kube-system holds CoreDNS and metrics-server only, both restricted-compliant (ADR 35)
    m.put("podSecurityAdmission", PodSecurity.admission(v));
    m.put("podSecurityLabels", PodSecurity.namespaceLabelList(PodSecurityLevel.RESTRICTED, v));
    return m;
  }

  private static Map<String, Object> metricsServer(RenderContext ctx) {
    KubernetesVersion v = ctx.version();
    boolean current = AddonImages.currentReleases(v);
    // kube-root-ca.crt exists from 1.20; before, the service-account token's ca.crt is the same
    // cluster CA (the controller-manager's --root-ca-file), mounted into every pod.
    boolean caConfigMap = v.atLeast(20);
    List<String> args = new ArrayList<>(List.of("--secure-port=" + METRICS_PORT,
        "--tls-cert-file=" + MetricsServerTls.MOUNT + "/tls.crt",
        "--tls-private-key-file=" + MetricsServerTls.MOUNT + "/tls.key",
        "--kubelet-preferred-address-types=InternalIP",
        "--kubelet-certificate-authority=" + (caConfigMap ? KUBELET_CA_DIR + "/ca.crt" : SERVICE_ACCOUNT_CA)));
    if (current) {
      args.add("--kubelet-use-node-status-port");
      args.add("--metric-resolution=15s");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resourceMetrics", current); // /metrics/resource and /livez, /readyz: metrics-server 0.6+
    m.put("seccomp", v.atLeast(19));
    m.put("image", ctx.images().metricsServer());
    m.put("args", args);
    m.put("securePort", METRICS_PORT);
    m.put("caConfigMap", caConfigMap ? "kube-root-ca.crt" : null);
    m.put("caDir", KUBELET_CA_DIR);
    m.put("tlsSecret", MetricsServerTls.SECRET);
    m.put("tlsDir", MetricsServerTls.MOUNT);
    return m;
  }
}
