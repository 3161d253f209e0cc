package dev.kubeyard.engine.apps.elasticsearch.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Every object of an Elasticsearch cluster, in apply order. {@code bootstrap} adds
 * cluster.initial_master_nodes to the masters (7.x and later): only for the very first start of a new
 * cluster; once it formed, the StatefulSet is applied again without it (OnDelete, so no restart).
 */
public final class ElasticsearchManifests {
  private ElasticsearchManifests() {}

  public static List<Manifest> render(ElasticsearchDeployment d, boolean bootstrap) {
    List<Manifest> out = new ArrayList<>();
    out.add(new Manifest("namespace.yaml", ServicesAndBudgets.namespace(d)));
    out.add(new Manifest("discovery-service.yaml", ServicesAndBudgets.discovery(d)));
    out.add(new Manifest("client-service.yaml", ServicesAndBudgets.client(d)));
    out.add(new Manifest("snapshots-pvc.yaml", Snapshots.claim(d)));
    if (d.ingressHost() != null) {
      out.add(new Manifest("ingress.yaml", ServicesAndBudgets.ingress(d)));
    }
    for (NodeRole role : d.roles()) {
      out.add(new Manifest(role.label() + "-pdb.yaml", ServicesAndBudgets.budget(d, role)));
    }
    out.addAll(NetworkPolicies.of(d));
    for (NodeRole role : d.roles()) {
      out.add(new Manifest(role.label() + "-statefulset.yaml", RoleStatefulSet.of(d, role, bootstrap)));
    }
    return out;
  }

  /** The StatefulSets alone, as an update applies them. */
  public static List<Manifest> statefulSets(ElasticsearchDeployment d) {
    return render(d, false).stream().filter(m -> m.kind().equals("StatefulSet")).toList();
  }
}
