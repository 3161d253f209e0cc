package dev.kubeyard.engine.k8s;

import java.util.List;

/**
 * What a running cluster looks like: nodes, pods per namespace, pod logs and the control plane's
 * health. {@link KubernetesClusterStatus} reads it through the official Kubernetes client; callers
 * (the desktop's manager, the CLI) see only these types, never the client's.
 * Every method blocks on the network: call it off any UI thread.
 */
public interface ClusterStatus {

  List<NodeStatus> nodes();

  List<String> namespaces();

  List<PodStatus> pods(String namespace);

  /** The last {@code tailLines} lines of a container's log ({@code container} null: the pod's only one). */
  String podLog(String namespace, String pod, String container, int tailLines);

  /** The apiserver's own checks (readyz, or healthz before 1.16) and, where served, componentstatuses. */
  List<ComponentHealth> components();

  /**
   * Every Ingress of every namespace with its hosts: networking.k8s.io/v1 where served (1.19+),
   * v1beta1 before.
   */
  List<IngressStatus> ingresses();

  /** A node as {@code kubectl get nodes -o wide} shows it, with its conditions. */
  record NodeStatus(String name, String os, List<String> roles, String kubeletVersion, boolean ready,
      String internalIp, List<Condition> conditions) {}

  /** One node condition (Ready, MemoryPressure, ...). */
  record Condition(String type, String status, String reason, String message) {}

  /** A pod: phase, ready containers of all, restarts, where it runs. */
  record PodStatus(String namespace, String name, String phase, int readyContainers, List<String> containers,
      int restarts, String node) {}

  /** An Ingress: its class (ingressClassName or the legacy annotation), the hosts of its rules, its address. */
  record IngressStatus(String namespace, String name, String ingressClass, List<String> hosts, String address) {}

  /** One health check of the control plane. */
  record ComponentHealth(String name, boolean healthy, String detail) {}
}
