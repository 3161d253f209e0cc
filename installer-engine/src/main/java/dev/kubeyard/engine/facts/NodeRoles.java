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

  public static boolean runsKubelet(HostSpec h) {
    return !h.isWindows() && (h.has(Role.NODE) || h.has(Role.MASTER));
  }

  /** The control-plane taint's key was renamed from 'master' to 'control-plane' in 1.24. */
  public static String masterTaint(KubernetesVersion v) {
    return controlPlaneLabel(v) + ":NoSchedule";
  }

  /** The control-plane role label, renamed from 'master' in 1.24 like the taint. */
  public static String controlPlaneLabel(KubernetesVersion v) {
    return v.atLeast(24) ? "node-role.kubernetes.io/control-plane" : "node-role.kubernetes.io/master";
  }

  public static boolean tainted(HostSpec h) {
    return h.has(Role.MASTER) && !h.has(Role.NODE);
  }
}
