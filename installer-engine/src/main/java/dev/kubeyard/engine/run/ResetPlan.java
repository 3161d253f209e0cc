package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.transport.Shell;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 'kubeyard reset' as a plan the executor runs: on each host stop and disable the services the install
 * started and remove the files it placed (certificates and keys only with {@code pki}). Skipped on a
 * host where none of them is left.
 */
public final class ResetPlan {
  /**
   * On a node the pods outlive containerd (its unit keeps them when it stops, as it must on an upgrade):
   * stop the kubelet so it restarts nothing, kill and delete every task, then remove the pod network's
   * devices. Each part tolerates a half-removed node, so a re-run of reset finishes the job.
   */
  static final String STOP_PODS = "systemctl stop kubelet 2>/dev/null; c=\"" + HostPaths.BIN
      + "/ctr --address /run/containerd/containerd.sock -n k8s.io\"; if [ -x " + HostPaths.BIN + "/ctr ]"
      + " && systemctl is-active --quiet containerd; then for t in $($c tasks ls -q); do $c tasks kill -s SIGKILL $t; done;"
      + " sleep 2; for t in $($c containers ls -q); do $c tasks delete -f $t 2>/dev/null; $c containers delete $t; done; fi;"
      + " for d in cni0 $(ls /sys/class/net | grep '^flannel\\.'); do ip link delete $d 2>/dev/null; done;"
      + " grep -o ' /var/lib/kubelet/[^ ]*' /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null; ";

  private ResetPlan() {}

  public static Plan of(Plan install, boolean pki) {
    List<Step> steps = new ArrayList<>();
    install.byHost().forEach((host, hostSteps) -> {
      Set<String> services = new LinkedHashSet<>();
      Set<String> files = new LinkedHashSet<>();
      List<Step> reversed = new ArrayList<>(hostSteps);
      java.util.Collections.reverse(reversed);
      for (Step s : reversed) {
        services.addAll(StepServices.services(s));
        StepServices.files(s).stream().filter(f -> pki || !f.source().startsWith("pki/"))
            .map(Action.PutFile::path).forEach(files::add);
      }
      if (services.isEmpty() && files.isEmpty()) {
        return;
      }
      String fileList = files.stream().map(Shell::quote).collect(Collectors.joining(" "));
      String serviceList = String.join(" ", services);
      String check = (files.isEmpty() ? "" : "for f in " + fileList + "; do [ -e \"$f\" ] && exit 1; done; ")
          + (services.isEmpty() ? "" : "for s in " + serviceList + "; do systemctl is-active --quiet $s && exit 1; done; ")
          + "exit 0";
      String apply = services.isEmpty() ? "rm -f " + fileList // stop first, then remove units and binaries
          : (services.contains("containerd") ? STOP_PODS : "") + "systemctl disable --now " + serviceList + " 2>/dev/null; " + (files.isEmpty() ? "" : "rm -f " + fileList + "; ")
              + "systemctl daemon-reload";
      // the command names linked to a multi-call binary dangle once it is removed
      apply += "; find " + HostPaths.BIN + " -maxdepth 1 -xtype l -delete 2>/dev/null; true";
      steps.add(new Step("reset", Phase.PREPARE_OS, host,
          "stop " + (services.isEmpty() ? "nothing" : serviceList) + ", remove " + files.size() + " files" + (pki ? " (PKI too)" : ""),
          check, List.of(new Action.Run(apply)), check));
    });
    return new Plan(install.cluster(), install.kubernetesVersion(), steps);
  }
}
