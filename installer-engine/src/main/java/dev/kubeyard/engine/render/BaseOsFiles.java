package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kernel modules, sysctls and limits. nf_conntrack_ipv4 from the notes is gone since kernel 4.19
 * (merged into nf_conntrack), and ip_vs is not needed with kube-proxy's iptables mode.
 */
final class BaseOsFiles implements HostRenderer {

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (host.isWindows()) {
      return List.of();
    }
    boolean node = NodeRoles.runsLinuxKubelet(host);
    boolean lb = host.has(Role.LB);
    Map<String, Object> scope = Map.of("node", node, "lb", lb);
    List<RenderedFile> files = new ArrayList<>();
    files.add(RenderedFile.config(host.name(), "/etc/sysctl.d/95-k8s-sysctl.conf", Templates.render("os/sysctl.conf", scope)));
    files.add(RenderedFile.config(host.name(), "/etc/security/limits.d/30-k8s-ulimits.conf", Templates.render("os/limits.conf", scope)));
    if (node) {
      files.add(RenderedFile.config(host.name(), "/etc/modules-load.d/10-k8s-modules.conf", Templates.render("os/modules.conf", scope)));
    }
    return files;
  }
}
