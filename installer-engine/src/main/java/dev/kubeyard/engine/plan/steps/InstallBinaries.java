package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.plan.BundleContent;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Copies the programs a host's roles need from the offline bundle into /opt/kube/bin (CNI plugins into
 * /opt/cni/bin, haproxy's and keepalived's libraries into /opt/kube/lib). A multi-call binary (all of
 * Kubernetes is one) is copied once and linked under each command name. Left out without a bundle.
 */
public final class InstallBinaries implements HostStep {

  /** The CNI plugins flannel's conflist chains. */
  public static final List<String> FLANNEL_CNI = List.of("flannel", "bridge", "host-local", "loopback", "portmap");

  /** The commands a host needs, by role. */
  public static List<String> binariesFor(HostSpec host, ContainerRuntime runtime) {
    List<String> names = new ArrayList<>();
    if (host.has(Role.ETCD)) {
      names.addAll(List.of("etcd", "etcdctl"));
    }
    if (host.has(Role.MASTER)) {
      names.addAll(List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler"));
    }
    if (NodeRoles.runsLinuxKubelet(host)) {
      names.addAll(List.of("kubelet", "kube-proxy"));
      names.addAll(runtime == ContainerRuntime.DOCKER ? List.of("dockerd", "docker", "containerd", "runc")
          : List.of("containerd", "containerd-shim-runc-v2", "ctr", "runc"));
    }
    if (host.has(Role.MASTER) || NodeRoles.runsLinuxKubelet(host)) {
      names.add("kubectl");
    }
    if (host.has(Role.LB)) {
      names.addAll(List.of("haproxy", "keepalived"));
    }
    return names;
  }

  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    BundleContent bundle = in.bundle();
    if (host.isWindows() || bundle.isEmpty()) {
      return Optional.empty();
    }
    StepBuilder b = new StepBuilder("install-binaries", Phase.PREPARE_OS, host.name(), "install binaries");
    Set<String> placed = new LinkedHashSet<>();
    for (String name : binariesFor(host, in.facts().containerRuntime())) {
      BundleContent.Artifact a = artifact(bundle, name, host);
      if (placed.add(a.fileName())) {
        b.put(HostPaths.BIN + "/" + a.fileName(), a.source(), a.sha256(), 0755);
      }
      if (!a.fileName().equals(name)) {
        String link = HostPaths.BIN + "/" + name;
        b.run("ln -sfn " + a.fileName() + " " + link);
        b.alsoCheck("[ \"$(readlink " + link + ")\" = " + a.fileName() + " ]");
      }
    }
    if (NodeRoles.runsLinuxKubelet(host) && in.facts().network().flannel()) {
      for (String plugin : FLANNEL_CNI) {
        BundleContent.Artifact a = artifact(bundle, "cni/" + plugin, host);
        b.put(HostPaths.CNI_BIN + "/" + plugin, a.source(), a.sha256(), 0755);
      }
    }
    if (host.has(Role.LB)) {
      bundle.libraries().forEach(l -> b.put(HostPaths.LIB + "/" + l.soname(), l.source(), l.sha256(), 0644));
    }
    return Optional.of(b.build());
  }

  private static BundleContent.Artifact artifact(BundleContent bundle, String name, HostSpec host) {
    BundleContent.Artifact a = bundle.commands().get(name);
    if (a == null) {
      throw new IllegalArgumentException("the bundle has no '" + name + "', needed on " + host.name()
          + "; check it with 'kubeyard bundle verify -f cluster.yaml' and rebuild it with tools/build-bundle.sh");
    }
    return a;
  }
}
