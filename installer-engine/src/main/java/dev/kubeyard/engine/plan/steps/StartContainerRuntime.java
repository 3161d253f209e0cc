package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.spec.HostSpec;
import java.util.Optional;

/** containerd (or Docker on 1.14), ready before the kubelet needs it. */
public final class StartContainerRuntime implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!NodeRoles.runsLinuxKubelet(host)) {
      return Optional.empty();
    }
    boolean docker = in.facts().dockerRuntime();
    String service = docker ? "docker" : "containerd";
    StepBuilder b = new StepBuilder("start-container-runtime", Phase.CONTAINER_RUNTIME, host.name(),
        "start " + service)
        .put(in.filesOf(host.name(), HostPaths.unit(service), docker ? "/etc/docker/" : "/etc/containerd/"))
        .services(service)
        .verify(docker ? HostPaths.BIN + "/docker version"
            : HostPaths.BIN + "/ctr --address /run/containerd/containerd.sock version");
    return Optional.of(b.build());
  }
}
