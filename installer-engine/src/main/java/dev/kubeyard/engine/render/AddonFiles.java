package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.facts.PodNetwork;
import dev.kubeyard.engine.pki.CertificateCatalogue;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-cluster addons as manifests, one file each, on the first master, which applies them: flannel,
 * CoreDNS, metrics-server, the RBAC that lets the apiserver reach kubelets and the ingress controller
 * ({@link IngressControllerFiles}).
 */
public final class AddonFiles implements HostRenderer {
  static final String KUBELET_CA_DIR = "/etc/kubeyard/kubelet-ca";
  static final String SERVICE_ACCOUNT_CA = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";
  private static final int DNS_PORT = 1053;
  private static final int METRICS_PORT = 10250;

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
        file(host, "apiserver-to-kubelet-rbac.yaml", rbac)));
    IngressControllerFiles.manifests(ctx).forEach((name, text) ->
        files.add(RenderedFile.config(host.name(), HostPaths.ADDONS + "/" + name, text)));
    return files;
  }

  private static RenderedFile file(HostSpec host, String name, Map<String, Object> scope) {
    return RenderedFile.config(host.name(), HostPaths.ADDONS + "/" + name, Templates.render("addons/" + name, scope));
  }

  /** Before 1.17 the system-*-critical priority classes were only allowed in kube-system. */
  private static String flannelNamespace(KubernetesVersion v) {
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
    return m;
  }

  private static Map<String, Object> coredns(RenderContext ctx) {
    KubernetesVersion v = ctx.version();
    boolean current = AddonImages.currentReleases(v);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dnsPort", DNS_PORT);
    m.put("endpointSlices", current);
    m.put("readyPlugin", current); // CoreDNS has it from 1.5
    m.put("clusterDomain", ctx.facts().clusterDomain());
    m.put("clusterDns", ctx.facts().dnsIp().toString());
    m.put("masterTaintKey", NodeRoles.masterTaintKey(v));
    m.put("seccomp", v.atLeast(19));
    m.put("image", ctx.images().coredns());
    return m;
  }

  private static Map<String, Object> metricsServer(RenderContext ctx) {
    KubernetesVersion v = ctx.version();
    boolean current = AddonImages.currentReleases(v);
    // kube-root-ca.crt exists from 1.20; before, the service-account token's ca.crt is the same
    // cluster CA (the controller-manager's --root-ca-file), mounted into every pod.
    boolean caConfigMap = v.atLeast(20);
    List<String> args = new ArrayList<>(List.of("--cert-dir=/tmp", "--secure-port=" + METRICS_PORT,
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
    return m;
  }
}
