package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.pki.CertificateCatalogue;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.AddonFiles;
import dev.kubeyard.engine.render.AdminKubeconfig;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.model.spec.HostSpec;
import java.util.Optional;

/**
 * Binds the administrators' group to cluster-admin, from the first master, before anything else uses the
 * admin kubeconfig there (which is only in that group). Only system:masters may create the first such
 * binding, so the work machine's break-glass kubeconfig is streamed over SSH to kubectl's input: it lives
 * for one call in a root-only tmpfs folder that a trap removes, never in the plan's files or on disk (ADR 38).
 */
public final class BindClusterAdmins implements HostStep {
  private static final String KUBECTL = HostPaths.BIN + "/kubectl";

  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!host.name().equals(in.facts().firstMaster().name())) {
      return Optional.empty();
    }
    String manifest = AddonFiles.CLUSTER_ADMINS_RBAC;
    String bound = KUBECTL + " --kubeconfig " + HostPaths.kubeconfig("admin") + " get clusterrolebinding "
        + CertificateCatalogue.CLUSTER_ADMINS_GROUP + " -o name >/dev/null";
    String apply = "( umask 077; d=$(mktemp -d /run/kubeyard-break-glass.XXXXXX) || exit 1; trap 'rm -rf \"$d\"' EXIT; "
        + "cat > \"$d/kubeconfig\" && " + KUBECTL + " --kubeconfig \"$d/kubeconfig\" apply -f " + manifest + " )";
    StepBuilder b = new StepBuilder("bind-cluster-admins", Phase.ADDONS, host.name(),
        "bind the administrators' group to cluster-admin")
        .put(in.filesOf(host.name(), manifest))
        .runWithInput(apply, AdminKubeconfig.BREAK_GLASS_FILE)
        .alsoCheck(bound)
        .verify(bound);
    return Optional.of(b.build());
  }
}
