package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.plan.steps.ApplyAddons;
import dev.kubeyard.engine.plan.steps.BindClusterAdmins;
import dev.kubeyard.engine.plan.steps.ImportImages;
import dev.kubeyard.engine.plan.steps.InstallBinaries;
import dev.kubeyard.engine.plan.steps.LabelNodes;
import dev.kubeyard.engine.plan.steps.PlaceCertificates;
import dev.kubeyard.engine.plan.steps.Preflight;
import dev.kubeyard.engine.plan.steps.PrepareOs;
import dev.kubeyard.engine.plan.steps.StartContainerRuntime;
import dev.kubeyard.engine.plan.steps.StartControlPlane;
import dev.kubeyard.engine.plan.steps.StartEtcd;
import dev.kubeyard.engine.plan.steps.StartLoadBalancer;
import dev.kubeyard.engine.plan.steps.StartNode;
import dev.kubeyard.engine.plan.steps.StartWindowsNode;
import dev.kubeyard.model.spec.HostSpec;
import java.util.ArrayList;
import java.util.List;

/** The whole install, in order. Read this file to know what Kubeyard does to a cluster. */
public final class InstallSequence {
  private static final List<HostStep> STEPS = List.of(
      new Preflight(),             // OS, modules, swap, ports, clock, hostname, memory: refuse before changing anything
      new PrepareOs(),             // sysctls, kernel modules, limits
      new InstallBinaries(),       // binaries from the offline bundle into /opt/kube/bin
      new PlaceCertificates(),     // each host only the keys its services use
      new StartEtcd(),             // TLS-only etcd members, checked with etcdctl
      new StartLoadBalancer(),     // haproxy + keepalived holding the VIP
      new StartContainerRuntime(), // containerd (or docker on 1.14)
      new ImportImages(),          // pause, flannel, CoreDNS, metrics-server: no registry on site
      new StartControlPlane(),     // apiserver, controller-manager, scheduler
      new StartNode(),             // kubelet, kube-proxy, CNI config
      new StartWindowsNode(),      // flanneld, kubelet, kube-proxy as Windows services
      new BindClusterAdmins(),     // the admins' group to cluster-admin, with the break-glass credential streamed once
      new LabelNodes(),            // node-role labels, which kubelets may not set on themselves
      new ApplyAddons());          // flannel, CoreDNS, metrics-server: kubectl apply from the first master

  private InstallSequence() {}

  /** The entries in order (for the test that keeps this list in {@link Phase} order). */
  static List<HostStep> steps() {
    return STEPS;
  }

  public static Plan plan(PlanInput in) {
    List<Step> steps = new ArrayList<>();
    for (HostStep step : STEPS) {
      for (HostSpec host : in.facts().hosts()) {
        step.plan(in, host).ifPresent(steps::add);
      }
    }
    steps.sort(java.util.Comparator.comparing(Step::phase)); // stable: keeps the sequence order inside a phase
    return new Plan(in.facts().clusterName(), in.facts().version().toString(), steps);
  }
}
