package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubeconfigs on the hosts point at certificate files (0600 keys beside them) rather than embedding
 * them, so each key exists once per host. Controller-manager and scheduler talk to their own
 * apiserver on loopback; kubelet, kube-proxy and admin go through the VIP.
 */
final class KubeconfigFiles implements HostRenderer {

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    List<RenderedFile> files = new ArrayList<>();
    String vip = ctx.facts().apiserverUrl();
    if (host.has(Role.MASTER)) {
      String local = ctx.facts().localApiserverUrl();
      files.add(kubeconfig(ctx, host, "admin", "admin", vip));
      files.add(kubeconfig(ctx, host, "kube-controller-manager", "kube-controller-manager", local));
      files.add(kubeconfig(ctx, host, "kube-scheduler", "kube-scheduler", local));
    }
    if (NodeRoles.runsLinuxKubelet(host)) {
      files.add(kubeconfig(ctx, host, "kubelet", PkiNames.kubelet(host.name()), vip));
      files.add(kubeconfig(ctx, host, "kube-proxy", "kube-proxy", vip));
    }
    return files;
  }

  private static RenderedFile kubeconfig(RenderContext ctx, HostSpec host, String file, String pkiName, String server) {
    String text = Templates.render("kubeconfig.yaml", Map.of(
        "cluster", ctx.facts().clusterName(),
        "server", server,
        "ca", HostPaths.ssl("ca"),
        "user", file,
        "cert", HostPaths.ssl(pkiName),
        "key", HostPaths.sslKey(pkiName)));
    // Not secret in itself (it names key files), but only root needs to read it.
    return new RenderedFile(host.name(), HostPaths.kubeconfig(file), text, 0600, false);
  }
}
