package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order nodes restart in: nodes that are not master-eligible first (data, ingest), then the
 * master-eligible ones one at a time, the elected master last so the cluster elects only once.
 */
final class UpdateOrder {
  private UpdateOrder() {}

  static List<String> of(List<String> members, List<EsNode> nodes, Optional<String> electedMasterId) {
    List<String> missing = members.stream().filter(m -> nodes.stream().noneMatch(n -> n.name().equals(m))).toList();
    if (!missing.isEmpty()) {
      throw new UpdateRefused("node(s) " + missing + " are not in the cluster, so an update would take a second "
          + "node away", "start them (or wait until they joined), then run the update again");
    }
    List<EsNode> ordered = new ArrayList<>(nodes.stream().filter(n -> members.contains(n.name())).toList());
    ordered.sort(Comparator.comparing((EsNode n) -> n.masterEligible())
        .thenComparing(n -> electedMasterId.map(id -> id.equals(n.id())).orElse(false))
        .thenComparing(EsNode::name));
    return ordered.stream().map(EsNode::name).toList();
  }
}
