package dev.kubeyard.engine.apps.gitlab.postgres;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The labels of GitLab's PostgreSQL objects. {@link #ROLE} is Patroni's: it labels the leader's pod
 * {@code primary} and the others {@code replica}, and the two role Services select by it; the pod
 * template never carries it, so a re-created pod is in neither Service until Patroni has decided.
 */
final class PostgresLabels {
  static final String ROLE = "role";
  static final String PRIMARY = "primary";
  static final String REPLICA = "replica";
  /** Patroni's scope label (kubernetes.scope_label), which it also sets on its Endpoints objects. */
  static final String SCOPE = "cluster-name";
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PostgresLabels() {}

  /** The Patroni members; selectors are immutable, so nothing that changes. */
  static ObjectNode members() {
    return component("gitlab-postgres").put(SCOPE, "gitlab-postgres");
  }

  static ObjectNode pgbouncer() {
    return component("gitlab-pgbouncer");
  }

  static ObjectNode component(String name) {
    return NODES.objectNode().put("app.kubernetes.io/name", name).put("app.kubernetes.io/part-of", "gitlab");
  }

  static ObjectNode object(ObjectNode selector) {
    return selector.deepCopy().put("app.kubernetes.io/managed-by", "kubeyard");
  }

  static ObjectNode metadata(PostgresDeployment d, String name, ObjectNode selector) {
    ObjectNode m = NODES.objectNode().put("name", name).put("namespace", d.namespace());
    m.set("labels", object(selector));
    return m;
  }
}
