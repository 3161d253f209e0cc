package dev.kubeyard.desktop.wizard.network;

import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.HostDraft;
import dev.kubeyard.desktop.wizard.draft.KubernetesDraft;
import dev.kubeyard.model.net.Cidr;
import dev.kubeyard.model.net.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Service and pod CIDRs, the DNS IP, the cluster domain and the NodePort range. Besides the model's
 * problems it lists overlaps between the ranges and the hosts, so both sides can be highlighted.
 */
public final class NetworkViewModel {
  public static final String SERVICE = "kubernetes.serviceCidr";
  public static final String CLUSTER = "kubernetes.clusterCidr";

  private final ClusterDraft draft;
  private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();

  public NetworkViewModel(ClusterDraft draft) {
    this.draft = draft;
    draft.revisionProperty().addListener(o -> findConflicts());
    findConflicts();
  }

  public KubernetesDraft kubernetes() {
    return draft.kubernetes;
  }

  public ObservableList<Conflict> conflicts() {
    return conflicts;
  }

  public boolean inConflict(String path) {
    return conflicts.stream().anyMatch(c -> c.paths().contains(path));
  }

  private void findConflicts() {
    List<Conflict> found = new ArrayList<>();
    Optional<Cidr> service = cidr(draft.kubernetes.serviceCidr.get());
    Optional<Cidr> cluster = cidr(draft.kubernetes.clusterCidr.get());
    if (service.isPresent() && cluster.isPresent() && service.get().overlaps(cluster.get())) {
      found.add(new Conflict(Set.of(SERVICE, CLUSTER), "network.conflict.ranges",
          List.of(service.get().toString(), cluster.get().toString())));
    }
    for (HostDraft h : draft.hosts) {
      Optional<Ipv4> ip = Ipv4.parse(h.address.get());
      if (ip.isEmpty()) {
        continue;
      }
      service.filter(c -> c.contains(ip.get())).ifPresent(c -> found.add(new Conflict(Set.of(SERVICE),
          "network.conflict.host", List.of(h.name.get(), ip.get().toString(), c.toString()))));
      cluster.filter(c -> c.contains(ip.get())).ifPresent(c -> found.add(new Conflict(Set.of(CLUSTER),
          "network.conflict.host", List.of(h.name.get(), ip.get().toString(), c.toString()))));
    }
    conflicts.setAll(found);
  }

  private static Optional<Cidr> cidr(String text) {
    return Cidr.parse(text) instanceof Cidr.Parsed p ? Optional.of(p.cidr()) : Optional.empty();
  }
}
