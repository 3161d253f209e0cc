package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.version.KubernetesVersion;

/**
 * Which hosts run the node components. Masters run them too (so the apiserver reaches pod IPs for
 * aggregated APIs), registered with a NoSchedule taint: the notes' "SchedulingDisabled" masters.
 */
public final class NodeRoles {
  /** What `kubectl get nodes` shows as the role "worker"; nothing in Kubernetes sets it. */
  public static final String WORKER_LABEL = "node-role.kubernetes.io/worker";

  private NodeRoles() {}

  /** A kubelet of any OS: every node and every master (the validator keeps masters on Linux). */
  public static boolean runsKubelet(HostSpec h) {
    return h.has(Role.NODE) || h.has(Role.MASTER);
  }

  /** A kubelet the Linux files and steps set up (systemd, containerd or Docker, CNI, kube-proxy). */
  public static boolean runsLinuxKubelet(HostSpec h) {
    return !h.isWindows() && runsKubelet(h);
  }

  /**
   * The control-plane taint as the kubelet's --register-with-taints flag takes it. The key was renamed from
   * 'master' to 'control-plane' in 1.24; the empty value is written out because 1.14's parser of the flag
   * refuses a taint without '=' ("invalid taint spec": the 1.14 kubelet's first start on the lab), and
   * newer parsers read "key=:effect" the same as "key:effect".
   */
  public static String masterTaint(KubernetesVersion v) {
    return masterTaintKey(v) + "=:NoSchedule";
  }

  /** The taint's key alone, as tolerations and the kubelet configuration name it. */
  public static String masterTaintKey(KubernetesVersion v) {
    return controlPlaneLabel(v);
  }

  /** The control-plane role label, renamed from 'master' in 1.24 like the taint. */
  public static String controlPlaneLabel(KubernetesVersion v) {
    return v.atLeast(24) ? "node-role.kubernetes.io/control-plane" : "node-role.kubernetes.io/master";
  }

  public static boolean tainted(HostSpec h) {
    return h.has(Role.MASTER) && !h.has(Role.NODE);
  }
}
