package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubelet: command-line flags on the 1.14 line (as its docs of the time did), a
 * KubeletConfiguration file on the current line, where most of those flags are deprecated or gone.
 */
final class KubeletFiles implements HostRenderer {
  static final String CONFIG = HostPaths.KUBELET_DIR + "/config.yaml";
  static final String CONTAINERD_SOCK = "unix:///run/containerd/containerd.sock";

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!NodeRoles.runsLinuxKubelet(host)) {
      return List.of();
    }
    boolean configFile = ctx.version().atLeast(20);
    CommandFlags f = configFile ? currentFlags(ctx, host) : legacyFlags(ctx, host);
    boolean docker = ctx.facts().dockerRuntime();
    String unit = new SystemdUnit("Kubernetes node agent (Kubeyard)")
        .unit("After", docker ? "docker.service" : "containerd.service")
        .unit("Requires", docker ? "docker.service" : "containerd.service")
        .exec(HostPaths.BIN + "/kubelet", f.lines())
        .service("WorkingDirectory", HostPaths.KUBELET_DIR)
        .service("Restart", "on-failure")
        .service("RestartSec", "5")
        .text();
    if (!configFile) {
      return List.of(RenderedFile.rootOnly(host.name(), HostPaths.unit("kubelet"), unit));
    }
    return List.of(
        RenderedFile.rootOnly(host.name(), HostPaths.unit("kubelet"), unit),
        RenderedFile.rootOnly(host.name(), CONFIG, Templates.render("node/kubelet-config.yaml", config(ctx, host))));
  }

  private static CommandFlags currentFlags(RenderContext ctx, HostSpec host) {
    return new CommandFlags("kubelet", ctx.version())
        .add("--config", CONFIG)
        .add("--kubeconfig", HostPaths.kubeconfig("kubelet"))
        .add("--hostname-override", host.name())
        .add("--node-ip", host.address())
        .add("--v", 2);
  }

  private static CommandFlags legacyFlags(RenderContext ctx, HostSpec host) {
    KubernetesVersion v = ctx.version();
    boolean docker = ctx.facts().dockerRuntime();
    CommandFlags f = new CommandFlags("kubelet", v)
        .add("--kubeconfig", HostPaths.kubeconfig("kubelet"))
        .add("--hostname-override", host.name())
        .add("--node-ip", host.address())
        .add("--root-dir", HostPaths.KUBELET_DIR)
        .addIf(!v.atLeast(15), "--allow-privileged", true)
        .add("--anonymous-auth", false)
        .add("--authentication-token-webhook", true)
        .add("--authorization-mode", "Webhook")
        .add("--client-ca-file", HostPaths.ssl("ca"))
        .add("--tls-cert-file", HostPaths.ssl(PkiNames.kubelet(host.name())))
        .add("--tls-private-key-file", HostPaths.sslKey(PkiNames.kubelet(host.name())))
        .add("--tls-min-version", TlsPolicy.MIN_VERSION)
        .add("--tls-cipher-suites", TlsPolicy.cipherSuites())
        .add("--read-only-port", 0)
        .add("--cluster-dns", ctx.facts().dnsIp())
        .add("--cluster-domain", ctx.facts().clusterDomain())
        .add("--cgroup-driver", "systemd")
        .add("--fail-swap-on", true)
        .add("--protect-kernel-defaults", true) // the sysctl.d file sets what it checks (CIS 4.2.6)
        .add("--rotate-certificates", true) // the client certificate, renewed through a CSR (CIS 4.2.10)
        // dockershim's own network settings: with a remote runtime (containerd's CRI runs the CNI plugins,
        // configured in its config.toml) the kubelet ignores them, so they would only mislead a reader.
        .addIf(docker, "--hairpin-mode", "hairpin-veth")
        .addIf(docker, "--network-plugin", "cni")
        .addIf(docker, "--cni-bin-dir", HostPaths.CNI_BIN)
        .addIf(docker, "--cni-conf-dir", HostPaths.CNI_CONF)
        .add("--pod-infra-container-image", ctx.images().pause())
        .add("--container-runtime", docker ? "docker" : "remote")
        .addIf(!docker, "--container-runtime-endpoint", CONTAINERD_SOCK)
        .addIf(NodeRoles.tainted(host), "--register-with-taints", NodeRoles.masterTaint(v))
        .add("--v", 2);
    return f;
  }

  private static Map<String, Object> config(RenderContext ctx, HostSpec host) {
    KubernetesVersion v = ctx.version();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clientCaFile", HostPaths.ssl("ca"));
    m.put("tlsCertFile", HostPaths.ssl(PkiNames.kubelet(host.name())));
    m.put("tlsKeyFile", HostPaths.sslKey(PkiNames.kubelet(host.name())));
    m.put("tlsMinVersion", TlsPolicy.MIN_VERSION);
    m.put("tlsCipherSuites", TlsPolicy.CIPHER_SUITES);
    m.put("clusterDns", ctx.facts().dnsIp().toString());
    m.put("clusterDomain", ctx.facts().clusterDomain());
    // Field added in 1.27; before that the endpoint was a flag.
    m.put("runtimeEndpoint", v.atLeast(27) ? CONTAINERD_SOCK : null);
    // From 1.35 the kubelet refuses cgroup v1 hosts unless told otherwise; the lab hosts are cgroup v1.
    m.put("failCgroupV1", v.atLeast(31) ? "false" : null);
    m.put("taint", NodeRoles.tainted(host) ? NodeRoles.masterTaintKey(v) : null);
    return m;
  }
}
