package dev.kubeyard.engine.apps.elasticsearch.manifest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.netpol.AppPods;

/** Label and annotation keys, and the label sets objects and selectors use. */
public final class Labels {
  public static final String ROLE = "kubeyard.dev/es-role";
  public static final String VERSION = "kubeyard.dev/es-version";
  public static final String REVISION = "kubeyard.dev/config-revision";
  /** On the master StatefulSet: the JSON update state (see ADR 10). */
  public static final String UPDATE_STATE = "kubeyard.dev/es-update-state";
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Labels() {}

  /** Selects every pod of the cluster; selectors are immutable, so no version or revision here. */
  static ObjectNode cluster(ElasticsearchDeployment d) {
    ObjectNode labels = NODES.objectNode();
    AppPods.elasticsearch(d.clusterName()).forEach(labels::put);
    return labels;
  }

  static ObjectNode role(ElasticsearchDeployment d, NodeRole role) {
    return cluster(d).put(ROLE, role.label());
  }

  static ObjectNode object(ElasticsearchDeployment d) {
    return cluster(d).put("app.kubernetes.io/managed-by", "kubeyard");
  }

  /** A pod's labels: its role, the version and the config revision it runs. */
  static ObjectNode pod(ElasticsearchDeployment d, NodeRole role) {
    return object(d).put(ROLE, role.label()).put(VERSION, d.version().toString()).put(REVISION, d.revision().id());
  }

  static ObjectNode metadata(ElasticsearchDeployment d, String name) {
    ObjectNode m = NODES.objectNode().put("name", name).put("namespace", d.namespace());
    m.set("labels", object(d));
    return m;
  }
}
