package dev.kubeyard.engine.apps.elasticsearch.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One StatefulSet per role. {@code OnDelete}: Kubernetes never restarts a pod by itself after a
 * template change; Kubeyard's rolling update deletes pods one at a time when its gates pass.
 * {@code Parallel}: all masters start together, which a new cluster needs to elect its first master.
 */
final class RoleStatefulSet {
  private RoleStatefulSet() {}

  static ObjectNode of(ElasticsearchDeployment d, NodeRole role, boolean bootstrap) {
    ObjectNode sts = Labels.NODES.objectNode().put("apiVersion", "apps/v1").put("kind", "StatefulSet");
    ObjectNode meta = Labels.metadata(d, d.statefulSet(role));
    ((ObjectNode) meta.get("labels")).put(Labels.ROLE, role.label());
    meta.putObject("annotations").put(Labels.VERSION, d.version().toString()).put(Labels.REVISION, d.revision().id());
    sts.set("metadata", meta);
    ObjectNode spec = sts.putObject("spec");
    spec.put("serviceName", d.discoveryService());
    spec.put("replicas", d.replicas(role));
    spec.put("podManagementPolicy", "Parallel");
    spec.putObject("updateStrategy").put("type", "OnDelete");
    spec.putObject("selector").set("matchLabels", Labels.role(d, role));
    if (d.kubernetes().atLeast(27)) {
      spec.putObject("persistentVolumeClaimRetentionPolicy").put("whenDeleted", "Retain").put("whenScaled", "Retain");
    }
    spec.set("template", PodTemplate.of(d, role, bootstrap));
    ObjectNode claim = spec.putArray("volumeClaimTemplates").addObject();
    claim.putObject("metadata").put("name", "data").set("labels", Labels.role(d, role));
    ObjectNode claimSpec = claim.putObject("spec");
    claimSpec.putArray("accessModes").add("ReadWriteOnce");
    if (d.storageClass() != null) {
      claimSpec.put("storageClassName", d.storageClass());
    }
    claimSpec.putObject("resources").putObject("requests").put("storage", d.storage(role));
    return sts;
  }
}
