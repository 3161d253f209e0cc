package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.AddonFiles;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.render.IngressControllerFiles;
import dev.kubeyard.engine.render.MetalLbFiles;
import dev.kubeyard.model.spec.HostSpec;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cluster addons, applied once from the first master with its admin kubeconfig (Traefik's CRDs first);
 * done when the flannel DaemonSet and the CoreDNS, metrics-server and ingress controller Deployments (and
 * MetalLB's, with its address pool) have rolled out. Skipped when the manifests are unchanged and those
 * rollouts are complete.
 */
public final class ApplyAddons implements HostStep {
  private static final String KUBECTL = HostPaths.BIN + "/kubectl --kubeconfig " + HostPaths.kubeconfig("admin");

  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!host.name().equals(in.facts().firstMaster().name())) {
      return Optional.empty();
    }
    // A short timeout per call: the executor retries verify until its own deadline.
    String rolledOut = AddonFiles.workloads(in.facts()).stream()
        .map(w -> KUBECTL + " -n " + w.namespace() + " rollout status " + w.resource() + " --timeout=5s")
        .collect(Collectors.joining(" && "));
    if (in.facts().serviceLoadBalancer()) {
      rolledOut += " && " + KUBECTL + " -n " + MetalLbFiles.NAMESPACE + " get ipaddresspool/" + MetalLbFiles.POOL
          + " l2advertisement/" + MetalLbFiles.POOL + " >/dev/null";
    }
    StepBuilder b = new StepBuilder("apply-addons", Phase.ADDONS, host.name(), "apply the cluster addons")
        .put(in.filesOf(host.name(), HostPaths.ADDONS + "/"));
    // kubectl maps every object of one apply before creating any: the TLSStore needs its CRD served first.
    String crds = HostPaths.ADDONS + "/" + IngressControllerFiles.CRDS;
    b.run(KUBECTL + " apply -f " + crds)
        .run(KUBECTL + " wait --for condition=established --timeout=60s -f " + crds);
    b.run(KUBECTL + " apply -f " + HostPaths.ADDONS + "/");
    if (in.facts().serviceLoadBalancer()) {
      // A kind is only known once its CRD is established; apply without -R leaves this folder out above.
      b.run(KUBECTL + " wait --for=condition=Established --timeout=60s "
          + MetalLbFiles.CRDS.stream().map(c -> "crd/" + c).collect(Collectors.joining(" ")))
          .run(KUBECTL + " apply -f " + MetalLbFiles.POOL_DIR + "/");
    }
    b.alsoCheck(rolledOut).verify(rolledOut);
    return Optional.of(b.build());
  }
}
