package dev.kubeyard.engine.apps.gitlab.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The two headless Services the pods' stable names come from, and a disruption budget per StatefulSet. */
final class RedisObjects {
  private RedisObjects() {}

  /**
   * Headless, and with not-ready addresses published: a pod's name must resolve while it starts (the
   * Sentinels resolve every announced name, a Redis waiting for a failover is not ready). GitLab lists the
   * Sentinels by these names; it never reaches Redis through a Service but at the master the Sentinels name.
   */
  static ObjectNode service(RedisDeployment d, String name, String component, int port) {
    ObjectNode svc = RedisLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "Service");
    svc.set("metadata", RedisLabels.metadata(d, name, component));
    ObjectNode spec = svc.putObject("spec").put("clusterIP", "None").put("publishNotReadyAddresses", true);
    spec.set("selector", RedisLabels.pods(component));
    spec.putArray("ports").addObject().put("name", component).put("port", port).put("targetPort", port);
    return svc;
  }

  /**
   * One pod of each away at a time by a drain: with 3 Redis the master keeps a replica for
   * min-replicas-to-write, with 3 Sentinels two still make the majority. policy/v1 from 1.21.
   */
  static ObjectNode budget(RedisDeployment d, String name, String component) {
    ObjectNode pdb = RedisLabels.NODES.objectNode()
        .put("apiVersion", d.kubernetes().atLeast(21) ? "policy/v1" : "policy/v1beta1")
        .put("kind", "PodDisruptionBudget");
    pdb.set("metadata", RedisLabels.metadata(d, name, component));
    ObjectNode spec = pdb.putObject("spec").put("maxUnavailable", 1);
    spec.putObject("selector").set("matchLabels", RedisLabels.pods(component));
    return pdb;
  }
}
