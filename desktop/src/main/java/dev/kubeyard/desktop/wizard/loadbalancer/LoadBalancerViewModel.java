package dev.kubeyard.desktop.wizard.loadbalancer;

import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.LoadBalancerDraft;
import dev.kubeyard.model.spec.Role;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/** The VIP that keepalived moves between the two lb hosts, and haproxy's ports. */
public final class LoadBalancerViewModel {
  private final ClusterDraft draft;

  public LoadBalancerViewModel(ClusterDraft draft) {
    this.draft = draft;
  }

  public LoadBalancerDraft loadBalancer() {
    return draft.loadBalancer;
  }

  /** The hosts with role lb (keepalived pair), comma separated; "" when none. */
  public StringBinding lbHosts() {
    return hostsWith(Role.LB);
  }

  /** The masters haproxy forwards the apiserver port to. */
  public StringBinding masters() {
    return hostsWith(Role.MASTER);
  }

  private StringBinding hostsWith(Role role) {
    return Bindings.createStringBinding(() -> draft.hosts.stream().filter(h -> h.role(role).get())
        .map(h -> h.name.get()).collect(Collectors.joining(", ")), draft.hosts);
  }
}
