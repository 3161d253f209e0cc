package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.InstalledPlanStatus;
import dev.kubeyard.engine.transport.HostKeyTrust;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Per host and component: files still have the plan's hashes, services are active. */
@Command(name = "status", description = "For each host and component: do the files match the plan, are the services active.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ClusterTarget target;

  @Override
  public Integer call() throws Exception {
    if (target.load() == null) {
      return 1;
    }
    Plan plan = target.writePlan(false);
    List<InstalledPlanStatus.StepStatus> all = InstalledPlanStatus.of(plan, target.transports(HostKeyTrust.REFUSE, false));
    for (InstalledPlanStatus.StepStatus s : all) {
      String state = s.error() != null ? "UNREACHABLE: " + s.error()
          : (s.files() - s.changedFiles().size()) + "/" + s.files() + " files match"
              + (s.services().isEmpty() ? "" : ", services " + (s.inactive().isEmpty() ? "active" : "INACTIVE " + s.inactive()))
              + (s.changedFiles().isEmpty() ? "" : "; differ: " + String.join(" ", s.changedFiles()));
      System.out.printf("%-9s %-26s %s%n", s.host(), s.stepId(), state);
    }
    boolean healthy = all.stream().allMatch(InstalledPlanStatus.StepStatus::healthy);
    System.out.println(healthy ? "everything matches the plan" : "some components differ from the plan; kubeyard apply converges them");
    return healthy ? 0 : 1;
  }
}
