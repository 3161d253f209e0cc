package dev.kubeyard.engine.audit;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.function.Predicate;

/** A Kubernetes component the benchmark has items for: its systemd service and the hosts that run it. */
public enum Component {
  APISERVER("kube-apiserver", h -> h.has(Role.MASTER)),
  CONTROLLER_MANAGER("kube-controller-manager", h -> h.has(Role.MASTER)),
  SCHEDULER("kube-scheduler", h -> h.has(Role.MASTER)),
  ETCD("etcd", h -> h.has(Role.ETCD)),
  KUBELET("kubelet", NodeRoles::runsLinuxKubelet),
  KUBE_PROXY("kube-proxy", NodeRoles::runsLinuxKubelet);

  private final String service;
  private final Predicate<HostSpec> runsOn;

  Component(String service, Predicate<HostSpec> runsOn) {
    this.service = service;
    this.runsOn = runsOn;
  }

  public String service() {
    return service;
  }

  public boolean runsOn(HostSpec host) {
    return !host.isWindows() && runsOn.test(host);
  }
}
