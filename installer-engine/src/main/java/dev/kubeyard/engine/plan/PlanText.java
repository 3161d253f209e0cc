package dev.kubeyard.engine.plan;

import java.util.List;
import java.util.Map;

/**
 * plan.txt: what will happen, per phase and host, in words a reviewer reads before anything runs: each
 * step's check, its actions and its verify, exactly as they run as root on the host.
 */
public final class PlanText {
  private PlanText() {}

  public static String format(Plan plan) {
    StringBuilder b = new StringBuilder();
    b.append("Kubeyard install plan for cluster '").append(plan.cluster()).append("', Kubernetes ")
        .append(plan.kubernetesVersion()).append("\n");
    b.append("Each step is skipped when its check passes; otherwise it is applied, then verified.\n");
    b.append("Phases run in order; the hosts of one phase run in parallel, unless it says one host at a time.\n");
    int n = 1;
    for (Phase phase : Phase.values()) {
      List<Step> steps = plan.inPhase(phase);
      if (steps.isEmpty()) {
        continue;
      }
      b.append("\n== ").append(n++).append(". ").append(phase.title())
          .append(phase.oneHostAtATime() ? " (one host at a time)" : "").append(" ==\n");
      for (Step s : steps) {
        b.append("\n[").append(s.host()).append("] ").append(s.title()).append("\n");
        boolean checkIsTheScript = s.apply().stream().anyMatch(a -> a instanceof Action.Run r && r.command().equals(s.check()));
        line(b, "check: " + (checkIsTheScript ? "the script below, read-only" : s.check()));
        for (Action a : s.apply()) {
          line(b, a.describe());
        }
        if (s.verify() != null) {
          line(b, "verify: " + s.verify());
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

  /** One entry, indented; a multi-line script keeps its lines, indented further, so it reads as the host gets it. */
  private static void line(StringBuilder b, String text) {
    b.append("    ").append(text.replace("\n", "\n        ")).append("\n");
  }
}
