package dev.kubeyard.engine.apps.gitlab.postgres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.facts.GitlabPostgres;
import dev.kubeyard.engine.podsecurity.PodSecurity;

/**
 * The Patroni members: one StatefulSet, every member on its own node (required anti-affinity), a claim
 * each. {@code OnDelete}: Kubernetes never restarts the leader by itself after a template change (a
 * switchover first is Kubeyard's decision); {@code Parallel}: which member leads is Patroni's decision, not
 * the ordinal's. Probes ask Patroni's REST API: {@code /liveness} (Patroni's loop is alive) and
 * {@code /readiness} (PostgreSQL runs and, on a replica, replays). Restricted Pod Security (ADR 35).
 */
final class MemberStatefulSet {
  /** The image's Patroni, with its interpreter named (the image's entrypoint, here behind a shell). */
  private static final String PATRONI = "/usr/bin/python3.13 /usr/bin/patroni";

  private MemberStatefulSet() {}

  static ObjectNode of(PostgresDeployment d) {
    ObjectNode sts = PostgresLabels.NODES.objectNode().put("apiVersion", "apps/v1").put("kind", "StatefulSet");
    sts.set("metadata", PostgresLabels.metadata(d, GitlabPostgres.NAME, PostgresLabels.members()));
    ObjectNode spec = sts.putObject("spec");
    spec.put("serviceName", GitlabPostgres.MEMBERS);
    spec.put("replicas", d.pg().members());
    spec.put("podManagementPolicy", "Parallel");
    spec.putObject("updateStrategy").put("type", "OnDelete");
    spec.putObject("selector").set("matchLabels", PostgresLabels.members());
    if (d.kubernetes().atLeast(27)) {
      spec.putObject("persistentVolumeClaimRetentionPolicy").put("whenDeleted", "Retain").put("whenScaled", "Retain");
    }
    spec.set("template", template(d));
    ObjectNode claim = spec.putArray("volumeClaimTemplates").addObject();
    claim.putObject("metadata").put("name", "data").set("labels", PostgresLabels.members());
    ObjectNode claimSpec = claim.putObject("spec");
    claimSpec.putArray("accessModes").add("ReadWriteOnce");
    if (d.pg().storageClass() != null) {
      claimSpec.put("storageClassName", d.pg().storageClass());
    }
    claimSpec.putObject("resources").putObject("requests").put("storage", d.pg().storageSize());
    return sts;
  }

  private static ObjectNode template(PostgresDeployment d) {
    ObjectNode template = PostgresLabels.NODES.objectNode();
    ObjectNode meta = template.putObject("metadata");
    meta.set("labels", PostgresLabels.object(PostgresLabels.members()));
    ObjectNode spec = template.putObject("spec");
    spec.put("serviceAccountName", PatroniAccess.NAME);
    spec.set("affinity", antiAffinity(PostgresLabels.members(), true));
    nodeSelector(d, spec);
    // Patroni stops PostgreSQL (fast) and hands the lock back on SIGTERM: a deleted leader fails over at once
    spec.put("terminationGracePeriodSeconds", 30);
    PodSecurity.restrictedPod(spec, meta, PostgresDeployment.UID, d.kubernetes());
    if (d.kubernetes().atLeast(20)) {
      // the data directory is the volume's: no recursive ownership walk on every start
      spec.withObject("/securityContext").put("fsGroupChangePolicy", "OnRootMismatch");
    }
    spec.putArray("containers").add(patroni(d));
    ArrayNode volumes = spec.putArray("volumes");
    volumes.addObject().put("name", "config").putObject("configMap").put("name", PatroniConfig.NAME)
        .put("defaultMode", 0555);
    tls(volumes);
    return template;
  }

  private static ObjectNode patroni(PostgresDeployment d) {
    ObjectNode c = PostgresLabels.NODES.objectNode().put("name", "patroni").put("image", d.image())
        .put("imagePullPolicy", "IfNotPresent");
    // fsGroup makes the kubelet add group rights (and setgid) to the volume when it mounts it (on every start
    // before 1.20, and where the root does not match after): PostgreSQL refuses a data directory beyond 0750
    c.putArray("command").add("/bin/sh").add("-c").add("if [ -d " + PatroniConfig.PGDATA + " ]; then chmod 0700 "
        + PatroniConfig.PGDATA + "; fi; exec " + PATRONI + " " + PatroniConfig.DIR + "/patroni.yml");
    ArrayNode env = c.putArray("env");
    field(env, "PATRONI_NAME", "metadata.name");
    field(env, "PATRONI_KUBERNETES_NAMESPACE", "metadata.namespace");
    field(env, "PATRONI_KUBERNETES_POD_IP", "status.podIP");
    env.addObject().put("name", "PATRONI_POSTGRESQL_CONNECT_ADDRESS")
        .put("value", "$(PATRONI_KUBERNETES_POD_IP):" + GitlabPostgres.PORT);
    env.addObject().put("name", "PATRONI_RESTAPI_CONNECT_ADDRESS")
        .put("value", "$(PATRONI_KUBERNETES_POD_IP):" + GitlabPostgres.PATRONI_PORT);
    secret(env, "PATRONI_SUPERUSER_PASSWORD", PostgresDeployment.SUPERUSER_SECRET);
    secret(env, "PATRONI_REWIND_PASSWORD", PostgresDeployment.SUPERUSER_SECRET);
    secret(env, "PATRONI_REPLICATION_PASSWORD", PostgresDeployment.REPLICATION_SECRET);
    secret(env, "GITLAB_PASSWORD", PostgresDeployment.GITLAB_PASSWORD_SECRET);
    ArrayNode ports = c.putArray("ports");
    ports.addObject().put("name", "postgresql").put("containerPort", GitlabPostgres.PORT);
    ports.addObject().put("name", "patroni").put("containerPort", GitlabPostgres.PATRONI_PORT);
    restricted(c);
    ObjectNode resources = c.putObject("resources");
    resources.putObject("requests").put("cpu", "100m").put("memory", "256Mi");
    resources.putObject("limits").put("memory", "1Gi");
    http(c.putObject("readinessProbe"), "/readiness").put("periodSeconds", 5).put("timeoutSeconds", 3)
        .put("failureThreshold", 3);
    ObjectNode liveness = http(c.putObject("livenessProbe"), "/liveness");
    liveness.put("initialDelaySeconds", 30).put("periodSeconds", 10).put("timeoutSeconds", 5).put("failureThreshold", 6);
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "data").put("mountPath", PatroniConfig.DATA_MOUNT);
    mounts.addObject().put("name", "config").put("mountPath", PatroniConfig.DIR).put("readOnly", true);
    mounts.addObject().put("name", "tls").put("mountPath", PatroniConfig.TLS_DIR).put("readOnly", true);
    return c;
  }

  /** One pod per node: required for the members (two on one node would lose two copies at once), preferred for PgBouncer. */
  static ObjectNode antiAffinity(ObjectNode labels, boolean required) {
    ObjectNode term = PostgresLabels.NODES.objectNode().put("topologyKey", "kubernetes.io/hostname");
    term.putObject("labelSelector").set("matchLabels", labels);
    ObjectNode affinity = PostgresLabels.NODES.objectNode();
    ObjectNode anti = affinity.putObject("podAntiAffinity");
    if (required) {
      anti.putArray("requiredDuringSchedulingIgnoredDuringExecution").add(term);
    } else {
      anti.putArray("preferredDuringSchedulingIgnoredDuringExecution").addObject().put("weight", 100)
          .set("podAffinityTerm", term);
    }
    return affinity;
  }

  static void nodeSelector(PostgresDeployment d, ObjectNode podSpec) {
    podSpec.putObject("nodeSelector").put(d.kubernetes().atLeast(15) ? "kubernetes.io/os" : "beta.kubernetes.io/os",
        "linux");
  }

  /** The server certificate and key at 0400 (fsGroup makes it 0440 for uid 999), as PostgreSQL accepts a root-owned key. */
  static void tls(ArrayNode volumes) {
    volumes.addObject().put("name", "tls").putObject("secret").put("secretName", PostgresDeployment.TLS_SECRET)
        .put("defaultMode", 0400);
  }

  static void restricted(ObjectNode c) {
    ObjectNode security = c.putObject("securityContext").put("allowPrivilegeEscalation", false);
    security.putObject("capabilities").putArray("drop").add("ALL");
  }

  static void secret(ArrayNode env, String name, String secret) {
    env.addObject().put("name", name).putObject("valueFrom").putObject("secretKeyRef").put("name", secret)
        .put("key", PostgresDeployment.PASSWORD_KEY);
  }

  private static void field(ArrayNode env, String name, String path) {
    env.addObject().put("name", name).putObject("valueFrom").putObject("fieldRef").put("fieldPath", path);
  }

  private static ObjectNode http(ObjectNode probe, String path) {
    probe.putObject("httpGet").put("path", path).put("port", GitlabPostgres.PATRONI_PORT);
    return probe;
  }
}
