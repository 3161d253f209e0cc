package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.PlanDiff;
import dev.kubeyard.engine.transport.HostKeyTrust;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Writes the plan, then shows per host what applying it would change: files (a unified diff, secrets
 * masked) and the services that would restart or reload. Exits like diff(1): 0 nothing to change, 1
 * changes, 2 a host could not be asked.
 */
@Command(name = "diff", description = "Write the plan, then show per host the files that would change (a unified diff,"
    + " secrets masked) and the services that would restart or reload; nothing is changed on a host.")
final class DiffCommand implements Callable<Integer> {
  @Mixin ClusterTarget target;

  @Override
  public Integer call() throws Exception {
    if (target.load() == null) {
      return 2;
    }
    Plan plan = target.writePlan(false);
    List<PlanDiff.HostChange> hosts = PlanDiff.of(plan, target.planDir(), target.transports(HostKeyTrust.REFUSE, false));
    for (PlanDiff.HostChange h : hosts) {
      if (h.error() != null) {
        System.out.println(h.host() + ": UNREACHABLE: " + h.error());
        continue;
      }
      if (h.unchanged()) {
        System.out.println(h.host() + ": nothing to change");
        continue;
      }
      System.out.println(h.host() + ":");
      for (PlanDiff.StepChange s : h.steps()) {
        System.out.println("  " + s.stepId() + (s.services().isEmpty() ? "" : ": " + String.join(", ",
            s.services().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())));
        for (PlanDiff.FileChange f : s.files()) {
          System.out.println("    ~ " + f.path() + " (" + f.note() + ")");
          f.diff().forEach(line -> System.out.println("      " + line));
        }
      }
    }
    if (hosts.stream().anyMatch(h -> h.error() != null)) {
      return 2;
    }
    boolean same = hosts.stream().allMatch(PlanDiff.HostChange::unchanged);
    System.out.println(same ? "nothing to change" : "kubeyard apply makes these changes");
    return same ? 0 : 1;
  }
}
