package dev.kubeyard.engine.render;

import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.List;

/** Command lines of the Windows services; the same flag catalogue keeps them version-true. */
final class WindowsFlags {
  private WindowsFlags() {}

  static CommandFlags kubelet(RenderContext ctx, HostSpec host, WindowsPaths w) {
    KubernetesVersion v = ctx.version();
    CommandFlags f = new CommandFlags("kubelet", v)
        .add("--windows-service", true)
        .add("--hostname-override", host.name())
        .add("--node-ip", host.address())
        .add("--kubeconfig", w.file("kubelet.kubeconfig"))
        .add("--v", 2);
    if (v.atLeast(20)) {
      return f.add("--config", w.file("kubelet-config.yaml"));
    }
    return f.addIf(!v.atLeast(15), "--allow-privileged", true)
        .add("--anonymous-auth", false)
        // the unauthenticated read-only API (10255) is on unless turned off before the config file (1.20)
        .add("--read-only-port", 0)
        .add("--authentication-token-webhook", true)
        .add("--authorization-mode", "Webhook")
        .add("--client-ca-file", w.ssl("ca"))
        .add("--tls-cert-file", w.ssl(PkiNames.kubelet(host.name())))
        .add("--tls-private-key-file", w.sslKey(PkiNames.kubelet(host.name())))
        .add("--tls-min-version", TlsPolicy.MIN_VERSION)
        .add("--tls-cipher-suites", TlsPolicy.cipherSuites())
        .add("--cluster-dns", ctx.facts().dnsIp())
        .add("--cluster-domain", ctx.facts().clusterDomain())
        .add("--resolv-conf", "\"\"")
        .add("--hairpin-mode", "promiscuous-bridge")
        .add("--cgroups-per-qos", false)
        .add("--enforce-node-allocatable", "\"\"")
        .add("--network-plugin", "cni")
        .add("--cni-bin-dir", w.cniBin())
        .add("--cni-conf-dir", w.cniConf())
        .add("--pod-infra-container-image", pauseImage(ctx))
        .add("--image-pull-progress-deadline", "20m")
        .add("--register-with-taints", WindowsNodeFiles.TAINT);
  }

  static CommandFlags kubeProxy(RenderContext ctx, HostSpec host, WindowsPaths w) {
    KubernetesVersion v = ctx.version();
    return new CommandFlags("kube-proxy", v)
        .add("--windows-service", true)
        .add("--proxy-mode", "kernelspace")
        .add("--hostname-override", host.name())
        .add("--kubeconfig", w.file("kube-proxy.kubeconfig"))
        .add("--cluster-cidr", ctx.facts().clusterCidr())
        .add("--network-name", "vxlan0")
        .add("--source-vip", "$sourceVip")
        .addIf(!v.atLeast(20), "--feature-gates", "WinOverlay=true")
        .add("--v", 2);
  }

  static List<String> flanneld(HostSpec host, WindowsPaths w) {
    return List.of("--kubeconfig-file=" + w.file("kubelet.kubeconfig"), "--iface=" + host.address(),
        "--ip-masq=1", "--kube-subnet-mgr=1", "--net-config-path=" + w.file("flannel/net-conf.json"));
  }

  /** The pause image must match the host's Windows build: 1809 on the 1.14 line. */
  static String pauseImage(RenderContext ctx) {
    return ctx.version().atLeast(20) ? "mcr.microsoft.com/oss/kubernetes/pause:3.9" : "mcr.microsoft.com/k8s/core/pause:1.2.0";
  }
}
