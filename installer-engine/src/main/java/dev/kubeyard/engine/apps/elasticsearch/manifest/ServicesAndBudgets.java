package dev.kubeyard.engine.apps.elasticsearch.manifest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.AppNamespace;
import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/** The namespace, the two Services, the optional Ingress and one PodDisruptionBudget per role. */
final class ServicesAndBudgets {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private ServicesAndBudgets() {}

  /** Restricted (ADR 35): the nodes run as the image's user without capabilities; no init container. */
  static ObjectNode namespace(ElasticsearchDeployment d) {
    return AppNamespace.of(d.namespace(), Labels.object(d), PodSecurityLevel.RESTRICTED, d.kubernetes());
  }

  /** Headless, masters only, not-ready pods published: what seed hosts resolve while a cluster forms. */
  static ObjectNode discovery(ElasticsearchDeployment d) {
    ObjectNode svc = Labels.NODES.objectNode().put("apiVersion", "v1").put("kind", "Service");
    svc.set("metadata", Labels.metadata(d, d.discoveryService()));
    ObjectNode spec = svc.putObject("spec").put("clusterIP", "None").put("publishNotReadyAddresses", true);
    spec.set("selector", Labels.role(d, NodeRole.MASTER));
    spec.putArray("ports").addObject().put("name", "transport").put("port", 9300).put("targetPort", 9300);
    return svc;
  }

  /** What applications use: the ingest nodes (data nodes when there are none), ready pods only. */
  static ObjectNode client(ElasticsearchDeployment d) {
    ObjectNode svc = Labels.NODES.objectNode().put("apiVersion", "v1").put("kind", "Service");
    svc.set("metadata", Labels.metadata(d, ElasticsearchDeployment.NAME));
    ObjectNode spec = svc.putObject("spec").put("type", "ClusterIP");
    spec.set("selector", Labels.role(d, d.clientRole()));
    spec.putArray("ports").addObject().put("name", "http").put("port", 9200).put("targetPort", 9200);
    return svc;
  }

  /**
   * The HTTP API at the spec's ingressHost through the controller, TLS on 443 by the controller. Only
   * when asked for: this API has no authentication, so whoever reaches the host may write and delete.
   */
  static ObjectNode ingress(ElasticsearchDeployment d) {
    Map<String, Object> labels = MAPPER.convertValue(Labels.object(d), new TypeReference<LinkedHashMap<String, Object>>() {});
    return MAPPER.valueToTree(TraefikIngress.ingress(d.kubernetes(), ElasticsearchDeployment.NAME, d.namespace(),
        labels, d.ingressHost(), ElasticsearchDeployment.NAME, "http"));
  }

  /** At most one pod of a role away by a voluntary disruption (a drain): policy/v1 from 1.21. */
  static ObjectNode budget(ElasticsearchDeployment d, NodeRole role) {
    ObjectNode pdb = Labels.NODES.objectNode()
        .put("apiVersion", d.kubernetes().atLeast(21) ? "policy/v1" : "policy/v1beta1")
        .put("kind", "PodDisruptionBudget");
    pdb.set("metadata", Labels.metadata(d, d.statefulSet(role)));
    ObjectNode spec = pdb.putObject("spec").put("maxUnavailable", 1);
    spec.putObject("selector").set("matchLabels", Labels.role(d, role));
    return pdb;
  }
}
