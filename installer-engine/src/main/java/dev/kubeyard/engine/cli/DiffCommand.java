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
    PlanDiff.report(hosts).forEach(System.out::println);
    if (hosts.stream().anyMatch(h -> h.error() != null)) {
      return 2;
    }
    boolean same = hosts.stream().allMatch(PlanDiff.HostChange::unchanged);
    return same ? 0 : 1;
  }
}
