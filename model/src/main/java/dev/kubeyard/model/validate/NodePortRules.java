package dev.kubeyard.model.validate;

import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.LoadBalancerSpec;
import java.util.Map;

/** The NodePort range: well formed, clear of the control plane's ports, and holding the ingress ports. */
final class NodePortRules {
  /** Ports the cluster's own components listen on; a NodePort there would collide. */
  private static final Map<Integer, String> RESERVED = Map.of(
      ComponentPorts.ETCD_CLIENT, "etcd client", ComponentPorts.ETCD_PEER, "etcd peer",
      ComponentPorts.APISERVER, "kube-apiserver", ComponentPorts.KUBELET, "kubelet",
      ComponentPorts.CONTROLLER_MANAGER, "kube-controller-manager", ComponentPorts.SCHEDULER, "kube-scheduler",
      Defaults.FLANNEL_PORT, "flannel vxlan");

  private NodePortRules() {}

  static void check(ClusterSpec s, Problems out) {
    String text = s.kubernetes().nodePortRange();
    String[] parts = text == null ? new String[0] : text.split("-", -1);
    if (parts.length != 2 || !parts[0].matches("\\d{1,5}") || !parts[1].matches("\\d{1,5}")) {
      out.add("kubernetes.nodePortRange", text, "nodePorts.form");
      return;
    }
    int first = Integer.parseInt(parts[0]);
    int last = Integer.parseInt(parts[1]);
    if (first < 1024 || last > 65535 || first >= last) {
      out.add("kubernetes.nodePortRange", text, "nodePorts.bounds");
      return;
    }
    RESERVED.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .filter(e -> e.getKey() >= first && e.getKey() <= last)
        .forEach(e -> out.add("kubernetes.nodePortRange", text, "nodePorts.reserved", e.getKey(), e.getValue()));
    LoadBalancerSpec lb = s.loadBalancer();
    if (lb == null) {
      return;
    }
    checkIngress("loadBalancer.ingressHttpNodePort", lb.ingressHttpNodePort(), first, last, text, out);
    checkIngress("loadBalancer.ingressHttpsNodePort", lb.ingressHttpsNodePort(), first, last, text, out);
    // Only a SQL Server exposed through the VIP uses this one (the controller's TCP entrypoint).
    if (s.apps() != null && s.apps().sqlserver() != null && !Boolean.FALSE.equals(s.apps().sqlserver().enabled())
        && s.apps().sqlserver().exposeTcpPort() != null) {
      checkIngress("loadBalancer.ingressSqlServerNodePort", lb.ingressSqlServerNodePort(), first, last, text, out);
    }
  }

  private static void checkIngress(String path, Integer port, int first, int last, String range, Problems out) {
    if (port != null && (port < first || port > last)) {
      out.add(path, port, "nodePorts.ingress", range, port);
    }
  }
}
