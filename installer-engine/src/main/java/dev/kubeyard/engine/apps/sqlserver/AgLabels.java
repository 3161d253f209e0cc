package dev.kubeyard.engine.apps.sqlserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.netpol.AppPods;

/**
 * The labels of the availability group's objects. {@link #ROLE} is the controller's: it labels the
 * primary's pod {@code primary} and the others {@code secondary}, and the two role Services select by it.
 * The pod template never carries it, so a pod the StatefulSet re-creates is in neither Service until the
 * controller has seen its role (ADR 41).
 */
public final class AgLabels {
  public static final String ROLE = "kubeyard.dev/ag-role";
  public static final String PRIMARY = "primary";
  public static final String SECONDARY = "secondary";
  /** On the StatefulSet and its pods: the SQL Server version they run. */
  public static final String VERSION = "kubeyard.dev/mssql-version";
  /** The label the StatefulSet controller puts on each of its pods: a replica's own Service selects by it. */
  public static final String POD_NAME = "statefulset.kubernetes.io/pod-name";
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AgLabels() {}

  /** Every replica of the group; selectors are immutable, so no version here. */
  static ObjectNode replicas(SqlServerDeployment d) {
    ObjectNode labels = NODES.objectNode();
    AppPods.sqlServer(d.group()).forEach(labels::put);
    return labels;
  }

  static ObjectNode role(SqlServerDeployment d, String role) {
    return replicas(d).put(ROLE, role);
  }

  static ObjectNode object(SqlServerDeployment d) {
    return replicas(d).put("app.kubernetes.io/managed-by", "kubeyard");
  }

  static ObjectNode metadata(SqlServerDeployment d, String name) {
    ObjectNode m = NODES.objectNode().put("name", name).put("namespace", d.namespace());
    m.set("labels", object(d));
    return m;
  }
}
