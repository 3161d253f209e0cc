package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Copies the binaries a host's roles need from the offline bundle; skipped when no bundle is given. */
public final class InstallBinaries implements HostStep {

  /** The binaries a host needs, by role. */
  public static List<String> binariesFor(HostSpec host, ContainerRuntime runtime) {
    List<String> names = new ArrayList<>();
    if (host.has(Role.ETCD)) {
      names.addAll(List.of("etcd", "etcdctl"));
    }
    if (host.has(Role.MASTER)) {
      names.addAll(List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl"));
    }
    if (NodeRoles.runsKubelet(host)) {
      names.addAll(List.of("kubelet", "kube-proxy"));
      names.addAll(runtime == ContainerRuntime.DOCKER ? List.of("dockerd", "docker", "containerd", "runc")
          : List.of("containerd", "containerd-shim-runc-v2", "ctr", "runc"));
    }
    return names;
  }

  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (host.isWindows() || in.binarySha256().isEmpty()) {
      return Optional.empty();
    }
    StepBuilder b = new StepBuilder("install-binaries", Phase.PREPARE_OS, host.name(), "install binaries");
    for (String name : binariesFor(host, in.facts().spec().kubernetes().containerRuntime())) {
      String sha = in.binarySha256().get(name);
      if (sha == null) {
        throw new IllegalArgumentException("the bundle has no binary '" + name + "' needed on " + host.name()
            + "; rebuild it with 'kubeyard bundle build' or check 'kubeyard bundle verify'");
      }
      b.put(HostPaths.BIN + "/" + name, "bundle/bin/" + name, sha, 0755);
    }
    return b.isEmpty() ? Optional.empty() : Optional.of(b.build());
  }
}
