package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Role labels on the Linux nodes, set from the first master: a kubelet may not label itself with
 * node-role.kubernetes.io/* (the NodeRestriction admission plugin refuses it), so without this step
 * `kubectl get nodes` and the manager show no roles. Waits up to 3 minutes for the nodes to register.
 */
public final class LabelNodes implements HostStep {
  private static final String KUBECTL = HostPaths.BIN + "/kubectl --kubeconfig " + HostPaths.kubeconfig("admin");

  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!host.name().equals(in.facts().firstMaster().name())) {
      return Optional.empty();
    }
    List<String> masters = names(in, Role.MASTER);
    List<String> workers = names(in, Role.NODE);
    String all = String.join(" ", in.facts().hosts().stream().filter(NodeRoles::runsLinuxKubelet).map(HostSpec::name).toList());
    String controlPlane = NodeRoles.controlPlaneLabel(in.facts().version());
    List<String> label = new ArrayList<>();
    List<String> labelled = new ArrayList<>();
    if (!masters.isEmpty()) {
      label.add(KUBECTL + " label node --overwrite " + String.join(" ", masters) + " " + controlPlane + "=");
      labelled.add(exactly(controlPlane, masters));
    }
    if (!workers.isEmpty()) {
      label.add(KUBECTL + " label node --overwrite " + String.join(" ", workers) + " " + NodeRoles.WORKER_LABEL + "=");
      labelled.add(exactly(NodeRoles.WORKER_LABEL, workers));
    }
    String check = String.join(" && ", labelled);
    StepBuilder b = new StepBuilder("label-nodes", Phase.ADDONS, host.name(), "label the nodes with their roles")
        .run("for i in $(seq 90); do " + KUBECTL + " get node " + all + " >/dev/null 2>&1 && break; sleep 2; done")
        .run(String.join(" && ", label))
        .alsoCheck(check)
        .verify(check);
    return Optional.of(b.build());
  }

  private static List<String> names(PlanInput in, Role role) {
    return in.facts().hosts().stream().filter(NodeRoles::runsLinuxKubelet).filter(h -> h.has(role)).map(HostSpec::name).toList();
  }

  /** True when the nodes carrying {@code label} are the given ones (the listing is sorted by name). */
  private static String exactly(String label, List<String> nodes) {
    String expected = String.join(" ", nodes.stream().sorted().map(n -> "node/" + n).toList());
    return "[ \"$(" + KUBECTL + " get nodes -l " + label + " -o name | sort | xargs)\" = \"" + expected + "\" ]";
  }
}
