package dev.kubeyard.engine.plan;

import java.util.List;
import java.util.Map;

/** plan.txt: what will happen, per phase and host, in words a reviewer reads before anything runs. */
public final class PlanText {
  private PlanText() {}

  public static String format(Plan plan) {
    StringBuilder b = new StringBuilder();
    b.append("Kubeyard install plan for cluster '").append(plan.cluster()).append("', Kubernetes ")
        .append(plan.kubernetesVersion()).append("\n");
    b.append("Each step is skipped when its check passes; otherwise it is applied, then verified.\n");
    b.append("Phases run in order; the hosts of one phase run in parallel.\n");
    int n = 1;
    for (Phase phase : Phase.values()) {
      List<Step> steps = plan.inPhase(phase);
      if (steps.isEmpty()) {
        continue;
      }
      b.append("\n== ").append(n++).append(". ").append(phase.title()).append(" ==\n");
      for (Step s : steps) {
        b.append("\n[").append(s.host()).append("] ").append(s.title()).append("\n");
        for (Action a : s.apply()) {
          b.append("    ").append(a.describe()).append("\n");
        }
        if (s.verify() != null) {
          b.append("    verify: ").append(s.verify()).append("\n");
        }
      }
    }
    b.append("\nSteps per host:\n");
    for (Map.Entry<String, List<Step>> e : plan.byHost().entrySet()) {
      b.append("  ").append(e.getKey()).append(": ")
          .append(String.join(" -> ", e.getValue().stream().map(Step::id).toList())).append("\n");
    }
    return b.toString();
  }
}
