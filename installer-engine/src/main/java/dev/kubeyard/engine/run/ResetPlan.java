package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.model.spec.OsFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 'kubeyard reset' as a plan the executor runs: on each host stop and disable the services the install
 * started and remove the files it placed (certificates and keys only with {@code pki}), in the host's
 * shell. Skipped on a host where none of them is left.
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
      Collections.reverse(reversed);
      for (Step s : reversed) {
        services.addAll(s.services());
        s.files().stream().filter(f -> pki || !f.source().startsWith("pki/")).map(Action.PutFile::path).forEach(files::add);
      }
      if (services.isEmpty() && files.isEmpty()) {
        return;
      }
      OsFamily os = hostSteps.get(0).os();
      HostShell shell = HostShell.of(os);
      List<String> serviceList = List.copyOf(services);
      List<String> fileList = List.copyOf(files);
      String check = shell.noneLeft(fileList, serviceList);
      String apply = shell.stopAndRemove(serviceList, fileList); // stop first, then remove units and binaries
      if (os == OsFamily.LINUX) {
        // pods outlive containerd; the command names linked to a multi-call binary dangle once it is removed
        apply = (services.contains("containerd") ? STOP_PODS : "") + apply
            + "; find " + HostPaths.BIN + " -maxdepth 1 -xtype l -delete 2>/dev/null; true";
      }
      steps.add(new Step("reset", Phase.PREPARE_OS, host,
          "stop " + (services.isEmpty() ? "nothing" : String.join(" ", services)) + ", remove " + files.size() + " files"
              + (pki ? " (PKI too)" : ""),
          check, List.of(new Action.Run(apply)), check, List.of(), os));
    });
    return new Plan(install.cluster(), install.kubernetesVersion(), steps);
  }
}
