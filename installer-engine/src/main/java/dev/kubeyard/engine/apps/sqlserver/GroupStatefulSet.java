package dev.kubeyard.engine.apps.sqlserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.podsecurity.PodSecurity;

/**
 * The replicas: one StatefulSet, every pod on its own node (required anti-affinity), a claim each from the
 * spec's storage. {@code OnDelete}: Kubernetes never restarts a replica by itself after a template change;
 * the primary must be failed over first, which is the controller's decision. {@code Parallel}: the replicas
 * start together; which one is primary is decided by the bootstrap and the controller, not the ordinal.
 * The pod fits the restricted standard (ADR 35): the image's mssql user (10001), no capabilities, no
 * escalation, the runtime's default seccomp profile.
 */
final class GroupStatefulSet {
  /** The mssql user of the mssql/server images since 2019. */
  private static final int USER = 10001;

  private GroupStatefulSet() {}

  static ObjectNode of(SqlServerDeployment d) {
    ObjectNode sts = AgLabels.NODES.objectNode().put("apiVersion", "apps/v1").put("kind", "StatefulSet");
    ObjectNode meta = AgLabels.metadata(d, d.group());
    meta.putObject("annotations").put(AgLabels.VERSION, d.sqlVersion());
    sts.set("metadata", meta);
    ObjectNode spec = sts.putObject("spec");
    spec.put("serviceName", d.group());
    spec.put("replicas", d.replicas());
    spec.put("podManagementPolicy", "Parallel");
    spec.putObject("updateStrategy").put("type", "OnDelete");
    spec.putObject("selector").set("matchLabels", AgLabels.replicas(d));
    if (d.kubernetes().atLeast(27)) {
      spec.putObject("persistentVolumeClaimRetentionPolicy").put("whenDeleted", "Retain").put("whenScaled", "Retain");
    }
    spec.set("template", template(d));
    ObjectNode claim = spec.putArray("volumeClaimTemplates").addObject();
    claim.putObject("metadata").put("name", "data").set("labels", AgLabels.replicas(d));
    ObjectNode claimSpec = claim.putObject("spec");
    claimSpec.putArray("accessModes").add("ReadWriteOnce");
    if (d.storageClass() != null) {
      claimSpec.put("storageClassName", d.storageClass());
    }
    claimSpec.putObject("resources").putObject("requests").put("storage", d.storageSize());
    return sts;
  }

  private static ObjectNode template(SqlServerDeployment d) {
    ObjectNode template = AgLabels.NODES.objectNode();
    ObjectNode meta = template.putObject("metadata");
    meta.set("labels", AgLabels.object(d).put(AgLabels.VERSION, d.sqlVersion()));
    ObjectNode spec = template.putObject("spec");
    ObjectNode term = AgLabels.NODES.objectNode().put("topologyKey", "kubernetes.io/hostname");
    term.putObject("labelSelector").set("matchLabels", AgLabels.replicas(d));
    spec.putObject("affinity").putObject("podAntiAffinity")
        .putArray("requiredDuringSchedulingIgnoredDuringExecution").add(term);
    spec.putObject("nodeSelector").put(d.kubernetes().atLeast(15) ? "kubernetes.io/os" : "beta.kubernetes.io/os",
        "linux");
    // a clean shutdown checkpoints every database; the controller has failed the primary over before
    spec.put("terminationGracePeriodSeconds", 120);
    // SQL Server never calls the Kubernetes API; the controller does, from its own pods
    spec.put("automountServiceAccountToken", false);
    PodSecurity.restrictedPod(spec, meta, USER, d.kubernetes());
    spec.putArray("initContainers").add(ownEndpointKey(d));
    spec.putArray("containers").add(sqlServer(d));
    volumes(d, spec.putArray("volumes"));
    return template;
  }

  /**
   * Every replica's endpoint key is in one Secret (a StatefulSet's pods share their volumes); this copies
   * the pod's own into memory, so SQL Server, which faces the network, never has the others' keys mounted.
   */
  private static ObjectNode ownEndpointKey(SqlServerDeployment d) {
    ObjectNode c = AgLabels.NODES.objectNode().put("name", "endpoint-key").put("image", d.image());
    c.putArray("command").add("/bin/sh").add("-c").add("cp \"" + GroupObjects.ENDPOINT_KEYS_DIR
        + "/$POD_NAME.pvk\" " + GroupObjects.OWN_ENDPOINT_KEY + " && chmod 0400 " + GroupObjects.OWN_ENDPOINT_KEY);
    c.putArray("env").addObject().put("name", "POD_NAME").putObject("valueFrom").putObject("fieldRef")
        .put("fieldPath", "metadata.name");
    restricted(c);
    ObjectNode resources = c.putObject("resources");
    resources.putObject("requests").put("cpu", "10m").put("memory", "16Mi");
    resources.putObject("limits").put("memory", "64Mi");
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "endpoint-keys").put("mountPath", GroupObjects.ENDPOINT_KEYS_DIR)
        .put("readOnly", true);
    mounts.addObject().put("name", "endpoint-key").put("mountPath", GroupObjects.OWN_ENDPOINT_KEY_DIR);
    return c;
  }

  private static ObjectNode sqlServer(SqlServerDeployment d) {
    ObjectNode c = AgLabels.NODES.objectNode().put("name", "mssql").put("image", d.image());
    ArrayNode env = c.putArray("env");
    // the spec accepted Microsoft's licence terms explicitly (apps.sqlserver.acceptEula, refused otherwise)
    env.addObject().put("name", "ACCEPT_EULA").put("value", "Y");
    env.addObject().put("name", "MSSQL_PID").put("value", d.edition());
    env.addObject().put("name", "MSSQL_SA_PASSWORD").putObject("valueFrom").putObject("secretKeyRef")
        .put("name", d.saPasswordSecret()).put("key", SqlServerDeployment.PASSWORD_KEY);
    ArrayNode ports = c.putArray("ports");
    ports.addObject().put("name", "tds").put("containerPort", SqlServerDeployment.TDS_PORT);
    ports.addObject().put("name", "mirroring").put("containerPort", SqlServerDeployment.MIRRORING_PORT);
    restricted(c);
    ObjectNode resources = c.putObject("resources");
    String memory = GroupObjects.MEMORY_MIB / 1024 + "Gi";
    resources.putObject("requests").put("cpu", "1").put("memory", memory);
    resources.putObject("limits").put("memory", memory);
    probes(d, c);
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "data").put("mountPath", GroupObjects.CONFIG_DIR);
    mounts.addObject().put("name", "mssql-conf").put("mountPath", GroupObjects.CONFIG_DIR + "/mssql.conf")
        .put("subPath", "mssql.conf").put("readOnly", true);
    mounts.addObject().put("name", "tls").put("mountPath", GroupObjects.TLS_DIR).put("readOnly", true);
    mounts.addObject().put("name", "endpoint-certificates").put("mountPath", GroupObjects.ENDPOINT_CERTIFICATES_DIR)
        .put("readOnly", true);
    mounts.addObject().put("name", "endpoint-key").put("mountPath", GroupObjects.OWN_ENDPOINT_KEY_DIR)
        .put("readOnly", true);
    return c;
  }

  /**
   * TCP on 1433: it answers once recovery has let the server accept logins, and it needs no password in
   * the probe. Recovery after a crash can take minutes: a startup probe gives it 10 (1.20 and later); on
   * 1.14 the liveness probe waits 5 minutes before its first check instead.
   */
  private static void probes(SqlServerDeployment d, ObjectNode c) {
    if (d.kubernetes().atLeast(20)) {
      tcp(c.putObject("startupProbe")).put("periodSeconds", 10).put("failureThreshold", 60);
    }
    ObjectNode liveness = tcp(c.putObject("livenessProbe"));
    if (!d.kubernetes().atLeast(20)) {
      liveness.put("initialDelaySeconds", 300);
    }
    liveness.put("periodSeconds", 20).put("timeoutSeconds", 5).put("failureThreshold", 6);
    tcp(c.putObject("readinessProbe")).put("periodSeconds", 5).put("failureThreshold", 3);
  }

  private static ObjectNode tcp(ObjectNode probe) {
    probe.putObject("tcpSocket").put("port", SqlServerDeployment.TDS_PORT);
    return probe;
  }

  private static void restricted(ObjectNode c) {
    ObjectNode security = c.putObject("securityContext").put("allowPrivilegeEscalation", false);
    security.putObject("capabilities").putArray("drop").add("ALL");
  }

  /** Key-bearing Secrets at 0400; fsGroup makes the kubelet add group read for the mssql user (0440). */
  private static void volumes(SqlServerDeployment d, ArrayNode volumes) {
    volumes.addObject().put("name", "mssql-conf").putObject("configMap").put("name", d.group() + "-mssql-conf");
    volumes.addObject().put("name", "tls").putObject("secret").put("secretName", d.tlsSecret())
        .put("defaultMode", 0400);
    ObjectNode certificates = volumes.addObject().put("name", "endpoint-certificates").putObject("secret")
        .put("secretName", d.endpointSecret()).put("defaultMode", 0444);
    ObjectNode keys = volumes.addObject().put("name", "endpoint-keys").putObject("secret")
        .put("secretName", d.endpointSecret()).put("defaultMode", 0400);
    ArrayNode certificateItems = certificates.putArray("items");
    ArrayNode keyItems = keys.putArray("items");
    for (String pod : d.names().pods()) {
      certificateItems.addObject().put("key", pod + ".cer").put("path", pod + ".cer");
      keyItems.addObject().put("key", pod + ".pvk").put("path", pod + ".pvk");
    }
    volumes.addObject().put("name", "endpoint-key").putObject("emptyDir").put("medium", "Memory")
        .put("sizeLimit", "1Mi");
  }
}
