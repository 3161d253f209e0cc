package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Windows worker: flanneld (vxlan, win-overlay, VNI 4096 on 4789), kubelet and kube-proxy
 * (kernelspace) as Windows services, registered by install-node.ps1. Linux pods stay off through a
 * NoSchedule taint. Rendered and golden-tested only: no Windows host runs here.
 */
final class WindowsNodeFiles implements HostRenderer {
  static final String TAINT = "node.kubernetes.io/os=windows:NoSchedule";

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!host.isWindows() || !host.has(Role.NODE)) {
      return List.of();
    }
    ClusterFacts facts = ctx.facts();
    WindowsPaths w = WindowsPaths.of(facts);
    KubernetesVersion v = ctx.version();
    List<RenderedFile> files = new ArrayList<>();
    files.add(kubeconfig(ctx, host, w, "kubelet", PkiNames.kubelet(host.name())));
    files.add(kubeconfig(ctx, host, w, "kube-proxy", "kube-proxy"));
    files.add(RenderedFile.config(host.name(), w.file("flannel/net-conf.json"), Templates.render("windows/net-conf.json",
        Map.of("clusterCidr", facts.clusterCidr().toString(), "vni", facts.network().vni(),
            "port", facts.network().port()))));
    files.add(RenderedFile.config(host.name(), w.file("cni/config/cni.conf"), Templates.render("windows/cni.conf",
        Map.of("dns", facts.dnsIp().toString(), "domain", facts.clusterDomain(),
            "clusterCidr", facts.clusterCidr().toString(), "serviceCidr", facts.serviceCidr().toString()))));
    if (v.atLeast(20)) {
      files.add(RenderedFile.config(host.name(), w.file("kubelet-config.yaml"),
          Templates.render("windows/kubelet-config.yaml", kubeletConfig(ctx, host, w))));
    }
    Map<String, Object> script = new LinkedHashMap<>();
    script.put("root", w.root());
    script.put("nodeName", host.name());
    script.put("address", host.address());
    script.put("kubeletArgs", String.join(" ", WindowsFlags.kubelet(ctx, host, w).lines()));
    script.put("proxyArgs", String.join(" ", WindowsFlags.kubeProxy(ctx, host, w).lines()));
    script.put("flannelArgs", String.join(" ", WindowsFlags.flanneld(host, w)));
    files.add(RenderedFile.config(host.name(), w.file("install-node.ps1"), Templates.render("windows/install-node.ps1", script)));
    return files;
  }

  private static Map<String, Object> kubeletConfig(RenderContext ctx, HostSpec host, WindowsPaths w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clientCaFile", w.ssl("ca"));
    m.put("tlsCertFile", w.ssl(PkiNames.kubelet(host.name())));
    m.put("tlsKeyFile", w.sslKey(PkiNames.kubelet(host.name())));
    m.put("tlsMinVersion", TlsPolicy.MIN_VERSION);
    m.put("tlsCipherSuites", TlsPolicy.CIPHER_SUITES);
    m.put("clusterDns", ctx.facts().dnsIp().toString());
    m.put("clusterDomain", ctx.facts().clusterDomain());
    m.put("taintKey", TAINT.substring(0, TAINT.indexOf('=')));
    m.put("taintValue", "windows");
    return m;
  }

  private static RenderedFile kubeconfig(RenderContext ctx, HostSpec host, WindowsPaths w, String user, String pkiName) {
    String text = Templates.render("kubeconfig.yaml", Map.of("cluster", ctx.facts().clusterName(),
        "server", ctx.facts().apiserverUrl(), "ca", w.ssl("ca"), "user", user, "cert", w.ssl(pkiName),
        "key", w.sslKey(pkiName)));
    return new RenderedFile(host.name(), w.file(user + ".kubeconfig"), text, 0600, false);
  }
}
