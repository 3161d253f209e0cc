package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.netpol.PlatformFlows;
import dev.kubeyard.engine.netpol.PolicyYaml;
import dev.kubeyard.model.net.ComponentPorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NetworkPolicy among the addons (ADR 39): the policies of the ingress controller's and MetalLB's
 * namespaces, always (inert until something enforces them), and the engine that enforces them,
 * kube-router's policy controller, when the spec asks for network.enforceNetworkPolicy.
 */
final class NetworkPolicyFiles {
  static final String ENGINE = "kube-router.yaml";
  /** After ingress-controller.yaml and metallb.yaml in `kubectl apply -f`'s order: their namespaces exist. */
  static final String POLICIES = "network-policies.yaml";

  private NetworkPolicyFiles() {}

  static Map<String, String> manifests(RenderContext ctx) {
    ClusterFacts facts = ctx.facts();
    Map<String, String> out = new LinkedHashMap<>();
    if (facts.enforcesNetworkPolicy()) {
      out.put(ENGINE, Templates.render("addons/" + ENGINE, engine(ctx)));
    }
    List<Map<String, Object>> policies = new ArrayList<>(PlatformFlows.ingressController(facts));
    if (facts.serviceLoadBalancer()) {
      policies.addAll(PlatformFlows.metallb(facts));
    }
    out.put(POLICIES, PolicyYaml.documents("""
        # Rendered by Kubeyard: default-deny plus one policy per allowed flow in the addon namespaces
        # that serve the apps (ADR 39). Enforced only with network.enforceNetworkPolicy (kube-router).
        """, policies));
    return out;
  }

  private static Map<String, Object> engine(RenderContext ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("namespace", AddonFiles.flannelNamespace(ctx.version()));
    m.put("image", ctx.images().kubeRouter());
    m.put("serviceCidr", ctx.facts().serviceCidr().toString());
    m.put("nodePortRange", ctx.facts().nodePortRange());
    m.put("healthPort", ComponentPorts.KUBE_ROUTER_HEALTH);
    m.put("seccomp", ctx.version().atLeast(19));
    return m;
  }
}
