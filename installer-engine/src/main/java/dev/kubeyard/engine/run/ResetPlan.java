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
 * shell; on Linux also what the cluster made at run time (rules, network state, data). Skipped on a host
 * where none of it is left.
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

  /** What the services made at run time: the cluster's data, kept with {@code --keep-data}. */
  static final List<String> DATA = List.of(HostPaths.ETCD_DATA, HostPaths.KUBELET_DIR, "/var/lib/containerd",
      "/var/log/kubernetes", HostPaths.IMAGES);
  /** What the node's network left: the CNI plugins' state, flannel's subnet file, the runtime's sockets. */
  static final List<String> STATE = List.of("/var/lib/cni", "/run/flannel", "/run/containerd", HostPaths.KUBE_PROXY_DIR,
      HostPaths.CNI_CONF, "/var/lib/haproxy", "/run/haproxy");
  /** Rules and sets kube-proxy, flannel, the CNI portmap plugin and kube-router's policy controller wrote. */
  static final String RULES = "KUBE-|FLANNEL|CNI-";
  static final String FORGET_RULES = "for s in iptables ip6tables; do command -v $s-save >/dev/null || continue;"
      + " $s-save | grep -qE '" + RULES + "' && $s-save | grep -vE '" + RULES + "' | $s-restore; done;"
      + " command -v ipset >/dev/null && ipset list -n 2>/dev/null | grep -E '^(KUBE-|kube-router)' | xargs -r -n1 ipset destroy 2>/dev/null; ";
  static final String NO_RULES_LEFT = "for s in iptables ip6tables; do command -v $s-save >/dev/null || continue;"
      + " $s-save 2>/dev/null | grep -qE '" + RULES + "' && exit 1; done; ";

  private ResetPlan() {}

  /**
   * Only what the plan placed and started: for hosts that share a file system with others (the tests'
   * SSH hosts in network namespaces of one machine), where removing the data directories would reach it.
   */
  public static Plan of(Plan install, boolean pki) {
    return of(install, pki, false, false);
  }

  /**
   * 'kubeyard reset': also, on Linux, the iptables rules and ipsets, the network state and (unless
   * {@code keepData}) the data directories; the step's title names what it keeps.
   */
  public static Plan full(Plan install, boolean pki, boolean keepData) {
    return of(install, pki, true, keepData);
  }

  private static Plan of(Plan install, boolean pki, boolean madeAtRunTime, boolean keepData) {
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
      List<String> kept = new ArrayList<>(pki ? List.of() : List.of("the PKI"));
      if (os == OsFamily.LINUX) {
        // pods outlive containerd; the command names linked to a multi-call binary dangle once it is removed
        apply = (services.contains("containerd") ? STOP_PODS : "") + apply
            + "; find " + HostPaths.BIN + " -maxdepth 1 -xtype l -delete 2>/dev/null; true";
      }
      if (os == OsFamily.LINUX && madeAtRunTime) {
        List<String> gone = new ArrayList<>(STATE);
        if (keepData) {
          kept.addAll(DATA);
        } else {
          gone.addAll(DATA);
        }
        String dirs = String.join(" ", gone);
        // the pods' network namespaces, then every mount under the runtime's and the kubelet's folders (volumes,
        // sandboxes' shm, rootfs), so no removal reaches through one; a folder that is itself a mount point
        // (a separate disk for /var/lib/containerd, say) is emptied, not removed
        apply += "; " + FORGET_RULES + "for n in $(ip netns list 2>/dev/null | awk '/^cni-/ {print $1}'); do ip netns delete $n; done;"
            + " awk '{print $2}' /proc/mounts | grep -E '^(/run/containerd|/var/lib/containerd|/var/lib/kubelet|/run/netns)/'"
            + " | sort -r | xargs -r -n1 umount -l 2>/dev/null;"
            + " for d in " + dirs + "; do if mountpoint -q \"$d\"; then find \"$d\" -mindepth 1 -maxdepth 1 -exec rm -rf {} +;"
            + " else rm -rf \"$d\"; fi; done; true";
        check = "(" + check + ") && (" + NO_RULES_LEFT + "ip netns list 2>/dev/null | grep -q '^cni-' && exit 1; for d in " + dirs
            + "; do if mountpoint -q \"$d\"; then [ -z \"$(ls -A \"$d\")\" ] || exit 1; else [ -e \"$d\" ] && exit 1; fi; done; exit 0)";
      }
      steps.add(new Step("reset", Phase.PREPARE_OS, host,
          "stop " + (services.isEmpty() ? "nothing" : String.join(" ", services)) + ", remove " + files.size() + " files"
              + (kept.isEmpty() ? "" : "; keep " + String.join(", ", kept)),
          check, List.of(new Action.Run(apply)), check, List.of(), os));
    });
    return new Plan(install.cluster(), install.kubernetesVersion(), steps);
  }
}
