package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.Optional;

/** apiserver, controller-manager and scheduler; ready when /readyz (1.14: /healthz) answers to the admin certificate. */
public final class StartControlPlane implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!host.has(Role.MASTER)) {
      return Optional.empty();
    }
    StepBuilder b = new StepBuilder("start-control-plane", Phase.CONTROL_PLANE, host.name(), "start the control plane")
        .put(in.filesOf(host.name(), HostPaths.unit("kube-apiserver"), HostPaths.unit("kube-controller-manager"),
            HostPaths.unit("kube-scheduler"), HostPaths.KUBE + "/audit-policy.yaml",
            HostPaths.KUBE + "/encryption-config.yaml", HostPaths.KUBE + "/kube-scheduler.yaml",
            HostPaths.KUBE + "/admission-config.yaml", // current line only (ADR 35)
            HostPaths.kubeconfig("admin"), HostPaths.kubeconfig("kube-controller-manager"),
            HostPaths.kubeconfig("kube-scheduler")))
        .run("install -d -m 0700 /var/log/kubernetes")
        .services("kube-apiserver", "kube-controller-manager", "kube-scheduler")
        // each restarts only for the files it reads (the admin kubeconfig is for kubectl, not a service)
        .restartOn("kube-apiserver", HostPaths.unit("kube-apiserver"), HostPaths.KUBE + "/audit-policy.yaml",
            HostPaths.KUBE + "/encryption-config.yaml", HostPaths.KUBE + "/admission-config.yaml")
        .restartOn("kube-controller-manager", HostPaths.unit("kube-controller-manager"),
            HostPaths.kubeconfig("kube-controller-manager"))
        .restartOn("kube-scheduler", HostPaths.unit("kube-scheduler"), HostPaths.KUBE + "/kube-scheduler.yaml",
            HostPaths.kubeconfig("kube-scheduler"))
        .verify("curl -fsS --max-time 5 --cacert " + HostPaths.ssl("ca") + " --cert " + HostPaths.ssl("admin")
            + " --key " + HostPaths.sslKey("admin") + " " + in.facts().localApiserverUrl() + in.facts().apiserverReadinessPath());
    return Optional.of(b.build());
  }
}
