package dev.kubeyard.engine.apps.elasticsearch.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The volume behind path.repo: one ReadWriteMany claim every node mounts, because an fs snapshot
 * repository must be the same directory on all nodes. It needs a storage class that offers RWX (NFS,
 * CephFS); the pre-upgrade snapshot cannot be taken without it.
 */
final class Snapshots {
  static final String CLAIM = ElasticsearchDeployment.NAME + "-snapshots";

  private Snapshots() {}

  static ObjectNode claim(ElasticsearchDeployment d) {
    ObjectNode pvc = Labels.NODES.objectNode().put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
    pvc.set("metadata", Labels.metadata(d, CLAIM));
    ObjectNode spec = pvc.putObject("spec");
    spec.putArray("accessModes").add("ReadWriteMany");
    if (d.storageClass() != null) {
      spec.put("storageClassName", d.storageClass());
    }
    spec.putObject("resources").putObject("requests").put("storage", d.storageSize());
    return pvc;
  }
}
