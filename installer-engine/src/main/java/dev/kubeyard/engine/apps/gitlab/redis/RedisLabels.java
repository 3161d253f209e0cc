package dev.kubeyard.engine.apps.gitlab.redis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The labels of GitLab's Redis objects: part of GitLab, told apart by component (redis or sentinel). */
final class RedisLabels {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String REDIS = "redis";
  static final String SENTINEL = "sentinel";

  private RedisLabels() {}

  /** A component's pods; selectors are immutable, so only what never changes. */
  static ObjectNode pods(String component) {
    return NODES.objectNode().put("app.kubernetes.io/name", RedisDeployment.REDIS)
        .put("app.kubernetes.io/component", component).put("app.kubernetes.io/part-of", "gitlab");
  }

  static ObjectNode object(String component) {
    return pods(component).put("app.kubernetes.io/managed-by", "kubeyard");
  }

  static ObjectNode metadata(RedisDeployment d, String name, String component) {
    ObjectNode m = NODES.objectNode().put("name", name).put("namespace", d.namespace());
    m.set("labels", object(component));
    return m;
  }
}
