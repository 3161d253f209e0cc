package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.podsecurity.PodSecurity;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MetalLB in layer-2 mode, when the spec gives it addresses (network.loadBalancerAddresses): its CRDs,
 * controller and speakers among the addons of the first master, and the address pool in a folder of
 * its own, applied once the CRDs are established (ApplyAddons). docs/adr/0031-metallb-layer2.md
 */
public final class MetalLbFiles implements HostRenderer {
  public static final String NAMESPACE = "metallb-system";
  /** The IPAddressPool and L2Advertisement Kubeyard manages; a site may add its own beside them. */
  public static final String POOL = "kubeyard";
  /** Applied after {@link #CRDS} are established: kubectl cannot map a kind whose CRD is still pending. */
  public static final String POOL_DIR = HostPaths.ADDONS + "/metallb-pool";
  public static final List<String> CRDS = List.of("ipaddresspools.metallb.io", "l2advertisements.metallb.io");

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!ctx.facts().serviceLoadBalancer() || !host.name().equals(ctx.facts().firstMaster().name())) {
      return List.of();
    }
    String version = ctx.images().metallbController().replaceFirst(".*:", "v");
    Map<String, Object> workloads = new LinkedHashMap<>();
    workloads.put("version", version);
    workloads.put("controllerImage", ctx.images().metallbController());
    workloads.put("speakerImage", ctx.images().metallbSpeaker());
    workloads.put("workerLabel", NodeRoles.WORKER_LABEL);
    workloads.put("metricsPort", ComponentPorts.METALLB_METRICS);
    workloads.put("memberlistPort", ComponentPorts.METALLB_MEMBERLIST);
    Map<String, Object> pool = Map.of("pool", POOL, "addresses", ctx.facts().loadBalancerAddresses());
    return List.of(
        RenderedFile.rootOnly(host.name(), HostPaths.ADDONS + "/metallb-crds.yaml",
            Templates.render("addons/metallb-crds.yaml", Map.of("podSecurityLabels",
                PodSecurity.namespaceLabelList(PodSecurityLevel.PRIVILEGED, ctx.version())))),
        RenderedFile.rootOnly(host.name(), HostPaths.ADDONS + "/metallb.yaml",
            Templates.render("addons/metallb.yaml", workloads)),
        RenderedFile.secret(host.name(), HostPaths.ADDONS + "/metallb-memberlist.yaml",
            Templates.render("addons/metallb-memberlist.yaml", Map.of("key", ctx.secrets().memberlistKeyBase64()))),
        RenderedFile.rootOnly(host.name(), POOL_DIR + "/address-pool.yaml",
            Templates.render("addons/metallb-pool/address-pool.yaml", pool)));
  }
}
