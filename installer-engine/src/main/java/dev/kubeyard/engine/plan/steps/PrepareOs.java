package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.model.spec.HostSpec;
import java.util.Optional;

/** Sysctls, kernel modules and limits; swap off, since the kubelet refuses to run with swap. */
public final class PrepareOs implements HostStep {
  /**
   * In a container (a lab host) only the network namespace's sysctls are its own; the kernel-wide ones
   * (vm.*, fs.*) belong to the machine that runs it, so there only net.* is applied.
   */
  static final String SYSCTLS = "if systemd-detect-virt --container --quiet; then"
      + " cat /etc/sysctl.d/*.conf | grep -E '^[[:space:]]*net\\.' > /run/kubeyard-net-sysctl.conf"
      + " && sysctl -q -p /run/kubeyard-net-sysctl.conf;"
      + " else sysctl --system >/dev/null; fi";

  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (host.isWindows()) {
      return Optional.empty();
    }
    StepBuilder b = new StepBuilder("prepare-os", Phase.PREPARE_OS, host.name(), "prepare the OS")
        .put(in.filesOf(host.name(), "/etc/sysctl.d/", "/etc/modules-load.d/", "/etc/security/limits.d/"))
        .run("systemctl restart systemd-modules-load.service || true")
        .run(SYSCTLS)
        .run("swapoff -a")
        .verify("[ -z \"$(swapon --noheadings)\" ]");
    return Optional.of(b.build());
  }
}
