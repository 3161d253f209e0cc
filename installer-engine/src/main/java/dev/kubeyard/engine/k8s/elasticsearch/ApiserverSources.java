package dev.kubeyard.engine.k8s.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsResponse;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the apiservers' service proxy connects to a pod from, so Elasticsearch's NetworkPolicy can
 * admit exactly that (ADR 39). An apiserver runs on a master's host network; a pod on another node is
 * routed through flannel's vxlan device, flannel.1, whose address is the first of the master's pod
 * subnet (10.244.3.0 for 10.244.3.0/24), and that is the source the pod sees. (A pod on the master
 * itself sees the cni0 bridge's address, a local one, which kube-router always admits.)
 */
final class ApiserverSources {
  private ApiserverSources() {}

  static List<String> read(KubernetesAccess k8s, KubernetesVersion v) {
    // the query's values are escaped by the client (KubernetesAccess hands them over as pairs)
    KubernetesAccess.Reply r = k8s.send("GET", "/api/v1/nodes?labelSelector=" + NodeRoles.controlPlaneLabel(v));
    if (!r.ok()) {
      throw new EsException("cannot list the masters' nodes (" + r.status() + ")",
          "the kubeconfig's user must be allowed to list nodes");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode node : new EsResponse(r.status(), r.body()).json().path("items")) {
      String podCidr = node.path("spec").path("podCIDR").asText("");
      if (!podCidr.isEmpty()) {
        out.add(flannelAddress(podCidr));
      }
    }
    return out.stream().sorted().toList();
  }

  /** flannel's vxlan device takes the subnet's network address: 10.244.3.0/24 → 10.244.3.0. */
  static String flannelAddress(String podCidr) {
    return podCidr.substring(0, podCidr.indexOf('/'));
  }
}
