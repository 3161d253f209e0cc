package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.spec.HostSpec;
import java.util.List;
import java.util.Map;

/**
 * The CNI chain that hands pods to flannel. It is the only file in /etc/cni/net.d, so no default
 * bridge config competes with it (the notes' question of why the default config is removed).
 */
final class CniFiles implements HostRenderer {
  static final String CONFLIST = HostPaths.CNI_CONF + "/10-flannel.conflist";

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!NodeRoles.runsLinuxKubelet(host)) {
      return List.of();
    }
    return List.of(RenderedFile.rootOnly(host.name(), CONFLIST, Templates.render("node/10-flannel.conflist",
        Map.of("cniVersion", "0.3.1"))));
  }
}
