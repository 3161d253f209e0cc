package dev.kubeyard.engine.apps.gitlab.postgres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.facts.GitlabPostgres;
import dev.kubeyard.engine.podsecurity.PodSecurity;

/**
 * PgBouncer in front of the primary Service, two replicas on different nodes when there are (preferred
 * anti-affinity), what GitLab connects to. Its auth file is written into /tmp at start from GitLab's
 * password Secret, so no password is in a ConfigMap. Same image as the members (ADR 42).
 */
final class PgBouncerDeployment {
  static final int REPLICAS = 2;
  private static final String PGBOUNCER = "/usr/sbin/pgbouncer";

  private PgBouncerDeployment() {}

  static ObjectNode of(PostgresDeployment d) {
    ObjectNode deploy = PostgresLabels.NODES.objectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
    deploy.set("metadata", PostgresLabels.metadata(d, GitlabPostgres.PGBOUNCER, PostgresLabels.pgbouncer()));
    ObjectNode spec = deploy.putObject("spec").put("replicas", REPLICAS);
    spec.putObject("selector").set("matchLabels", PostgresLabels.pgbouncer());
    spec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate").put("maxUnavailable", 0)
        .put("maxSurge", 1);
    ObjectNode template = spec.putObject("template");
    ObjectNode meta = template.putObject("metadata");
    meta.set("labels", PostgresLabels.object(PostgresLabels.pgbouncer()));
    ObjectNode pod = template.putObject("spec");
    pod.set("affinity", MemberStatefulSet.antiAffinity(PostgresLabels.pgbouncer(), false));
    MemberStatefulSet.nodeSelector(d, pod);
    pod.put("automountServiceAccountToken", false);
    pod.put("terminationGracePeriodSeconds", 30);
    PodSecurity.restrictedPod(pod, meta, PostgresDeployment.UID, d.kubernetes());
    pod.putArray("containers").add(container(d));
    ArrayNode volumes = pod.putArray("volumes");
    volumes.addObject().put("name", "config").putObject("configMap").put("name", PatroniConfig.NAME)
        .put("defaultMode", 0444);
    MemberStatefulSet.tls(volumes);
    return deploy;
  }

  private static ObjectNode container(PostgresDeployment d) {
    ObjectNode c = PostgresLabels.NODES.objectNode().put("name", "pgbouncer").put("image", d.image())
        .put("imagePullPolicy", "IfNotPresent");
    // printf is the shell's own: the password never appears in a process's arguments
    c.putArray("command").add("/bin/sh").add("-c").add("umask 077 && printf '\"%s\" \"%s\"\\n' '"
        + GitlabPostgres.USER + "' \"$GITLAB_PASSWORD\" > /tmp/userlist.txt && exec " + PGBOUNCER + " "
        + PatroniConfig.DIR + "/pgbouncer.ini");
    MemberStatefulSet.secret(c.putArray("env"), "GITLAB_PASSWORD", PostgresDeployment.GITLAB_PASSWORD_SECRET);
    c.putArray("ports").addObject().put("name", "pgbouncer").put("containerPort", GitlabPostgres.PGBOUNCER_PORT);
    MemberStatefulSet.restricted(c);
    ObjectNode resources = c.putObject("resources");
    resources.putObject("requests").put("cpu", "50m").put("memory", "32Mi");
    resources.putObject("limits").put("memory", "256Mi");
    tcp(c.putObject("readinessProbe")).put("periodSeconds", 5);
    tcp(c.putObject("livenessProbe")).put("initialDelaySeconds", 10).put("periodSeconds", 10);
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "config").put("mountPath", PatroniConfig.DIR).put("readOnly", true);
    mounts.addObject().put("name", "tls").put("mountPath", PatroniConfig.TLS_DIR).put("readOnly", true);
    return c;
  }

  private static ObjectNode tcp(ObjectNode probe) {
    probe.putObject("tcpSocket").put("port", GitlabPostgres.PGBOUNCER_PORT);
    return probe;
  }
}
