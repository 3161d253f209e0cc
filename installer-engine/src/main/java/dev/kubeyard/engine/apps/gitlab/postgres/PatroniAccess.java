package dev.kubeyard.engine.apps.gitlab.postgres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Patroni's own account and what its Kubernetes DCS needs, in its namespace only: the Endpoints that hold
 * the leader lock and configuration, its pods' role label, and creating the {@code gitlab-postgres-config}
 * Service that keeps the configuration's Endpoints alive.
 */
final class PatroniAccess {
  static final String NAME = "gitlab-postgres";

  private PatroniAccess() {}

  static ObjectNode serviceAccount(PostgresDeployment d) {
    ObjectNode sa = PostgresLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "ServiceAccount");
    sa.set("metadata", PostgresLabels.metadata(d, NAME, PostgresLabels.members()));
    return sa;
  }

  static ObjectNode role(PostgresDeployment d) {
    ObjectNode role = PostgresLabels.NODES.objectNode().put("apiVersion", "rbac.authorization.k8s.io/v1")
        .put("kind", "Role");
    role.set("metadata", PostgresLabels.metadata(d, NAME, PostgresLabels.members()));
    ArrayNode rules = role.putArray("rules");
    rule(rules, "endpoints", "get", "list", "watch", "create", "patch", "update", "delete", "deletecollection");
    rule(rules, "pods", "get", "list", "watch", "patch", "update");
    rule(rules, "services", "create");
    return role;
  }

  static ObjectNode binding(PostgresDeployment d) {
    ObjectNode b = PostgresLabels.NODES.objectNode().put("apiVersion", "rbac.authorization.k8s.io/v1")
        .put("kind", "RoleBinding");
    b.set("metadata", PostgresLabels.metadata(d, NAME, PostgresLabels.members()));
    b.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "Role").put("name", NAME);
    b.putArray("subjects").addObject().put("kind", "ServiceAccount").put("name", NAME).put("namespace", d.namespace());
    return b;
  }

  private static void rule(ArrayNode rules, String resource, String... verbs) {
    ObjectNode r = rules.addObject();
    r.putArray("apiGroups").add("");
    r.putArray("resources").add(resource);
    ArrayNode v = r.putArray("verbs");
    for (String verb : verbs) {
      v.add(verb);
    }
  }
}
