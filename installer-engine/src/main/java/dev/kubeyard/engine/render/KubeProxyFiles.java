package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.spec.HostSpec;
import java.util.List;
import java.util.Map;

/**
 * kube-proxy in iptables mode (ip_vs is not everywhere; the lab kernel lacks it), configured by a
 * KubeProxyConfiguration file on every line.
 */
final class KubeProxyFiles implements HostRenderer {
  static final String CONFIG = HostPaths.KUBE_PROXY_DIR + "/config.yaml";

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!NodeRoles.runsLinuxKubelet(host)) {
      return List.of();
    }
    CommandFlags f = new CommandFlags("kube-proxy", ctx.version())
        .add("--config", CONFIG)
        .add("--hostname-override", host.name())
        .add("--v", 2);
    String unit = new SystemdUnit("Kubernetes network proxy (Kubeyard)")
        .unit("After", "network-online.target")
        .unit("Wants", "network-online.target")
        .exec(HostPaths.BIN + "/kube-proxy", f.lines())
        .service("WorkingDirectory", HostPaths.KUBE_PROXY_DIR)
        .service("Restart", "on-failure")
        .service("RestartSec", "5")
        .service("LimitNOFILE", "65536")
        .text();
    String config = Templates.render("node/kube-proxy-config.yaml", Map.of(
        "address", host.address(),
        "hostname", host.name(),
        "kubeconfig", HostPaths.kubeconfig("kube-proxy"),
        "clusterCidr", ctx.facts().clusterCidr().toString()));
    return List.of(
        RenderedFile.rootOnly(host.name(), HostPaths.unit("kube-proxy"), unit),
        RenderedFile.rootOnly(host.name(), CONFIG, config));
  }
}
