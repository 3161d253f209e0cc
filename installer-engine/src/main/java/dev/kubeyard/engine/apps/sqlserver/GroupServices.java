package dev.kubeyard.engine.apps.sqlserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The group's Services: the StatefulSet's headless one, one per replica (a stable name and address for its
 * mirroring endpoint, the replica's ENDPOINT_URL), and the two the clients use, selected by the role label
 * the controller sets. Only the headless and replica Services publish pods that are not ready: the replicas
 * must reach each other's endpoints while they start and seed.
 */
final class GroupServices {
  private GroupServices() {}

  static ObjectNode headless(SqlServerDeployment d) {
    ObjectNode svc = service(d, d.group());
    ObjectNode spec = spec(svc).put("clusterIP", "None").put("publishNotReadyAddresses", true);
    spec.set("selector", AgLabels.replicas(d));
    ports(spec, true);
    return svc;
  }

  static ObjectNode replica(SqlServerDeployment d, int ordinal) {
    String pod = d.names().pod(ordinal);
    ObjectNode svc = service(d, pod);
    ObjectNode spec = spec(svc).put("type", "ClusterIP").put("publishNotReadyAddresses", true);
    spec.set("selector", AgLabels.replicas(d).put(AgLabels.POD_NAME, pod));
    ports(spec, true);
    return svc;
  }

  /** {@code <group>-primary} or {@code <group>-secondary}: TDS only, ready pods of that role only. */
  static ObjectNode role(SqlServerDeployment d, String role) {
    String name = role.equals(AgLabels.PRIMARY) ? d.names().primaryService() : d.names().secondaryService();
    ObjectNode svc = service(d, name);
    ObjectNode spec = spec(svc).put("type", "ClusterIP");
    spec.set("selector", AgLabels.role(d, role));
    ports(spec, false);
    return svc;
  }

  private static ObjectNode service(SqlServerDeployment d, String name) {
    ObjectNode svc = AgLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "Service");
    svc.set("metadata", AgLabels.metadata(d, name));
    svc.putObject("spec");
    return svc;
  }

  private static ObjectNode spec(ObjectNode svc) {
    return (ObjectNode) svc.get("spec");
  }

  private static void ports(ObjectNode spec, boolean mirroring) {
    ArrayNode ports = spec.putArray("ports");
    ports.addObject().put("name", "tds").put("port", SqlServerDeployment.TDS_PORT)
        .put("targetPort", SqlServerDeployment.TDS_PORT);
    if (mirroring) {
      ports.addObject().put("name", "mirroring").put("port", SqlServerDeployment.MIRRORING_PORT)
          .put("targetPort", SqlServerDeployment.MIRRORING_PORT);
    }
  }
}
