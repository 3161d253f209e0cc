package dev.kubeyard.engine.apps.gitlab.redis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.podsecurity.PodSecurity;

/**
 * The two StatefulSets: Redis and the Sentinels, each pod on its own node (required anti-affinity: a
 * master and its replica on one node, or two Sentinels of three, fall with it). {@code Parallel}: which
 * Redis is master is the Sentinels' decision, not the ordinal's. Data in an emptyDir: GitLab keeps its
 * cache, sessions and Sidekiq queues in Redis and the replicas carry them through a pod's loss; a restart
 * of the whole tier loses queued jobs (ADR 43). Pods fit the restricted standard (ADR 35): the image's
 * redis user, no capabilities, no escalation, the runtime's seccomp profile, no service account token.
 */
final class RedisWorkloads {
  private RedisWorkloads() {}

  static ObjectNode redis(RedisDeployment d) {
    ObjectNode c = container(d, "redis", RedisScripts.REDIS, RedisDeployment.REDIS_PORT);
    resources(c, "50m", "128Mi", "1Gi");
    return statefulSet(d, RedisDeployment.REDIS, RedisLabels.REDIS, d.replicas(), c, "4Gi", 30);
  }

  static ObjectNode sentinel(RedisDeployment d) {
    ObjectNode c = container(d, "sentinel", RedisScripts.SENTINEL, RedisDeployment.SENTINEL_PORT);
    resources(c, "10m", "32Mi", "128Mi");
    return statefulSet(d, RedisDeployment.SENTINEL, RedisLabels.SENTINEL, d.sentinels(), c, "16Mi", 10);
  }

  private static ObjectNode statefulSet(RedisDeployment d, String name, String component, int replicas,
      ObjectNode container, String dataLimit, int grace) {
    ObjectNode sts = RedisLabels.NODES.objectNode().put("apiVersion", "apps/v1").put("kind", "StatefulSet");
    sts.set("metadata", RedisLabels.metadata(d, name, component));
    ObjectNode spec = sts.putObject("spec").put("serviceName", name).put("replicas", replicas)
        .put("podManagementPolicy", "Parallel");
    spec.putObject("selector").set("matchLabels", RedisLabels.pods(component));
    ObjectNode template = spec.putObject("template");
    ObjectNode meta = template.putObject("metadata");
    meta.set("labels", RedisLabels.object(component));
    ObjectNode pod = template.putObject("spec");
    ObjectNode term = RedisLabels.NODES.objectNode().put("topologyKey", "kubernetes.io/hostname");
    term.putObject("labelSelector").set("matchLabels", RedisLabels.pods(component));
    pod.putObject("affinity").putObject("podAntiAffinity").putArray("requiredDuringSchedulingIgnoredDuringExecution")
        .add(term);
    pod.putObject("nodeSelector").put(d.kubernetes().atLeast(15) ? "kubernetes.io/os" : "beta.kubernetes.io/os",
        "linux");
    pod.put("terminationGracePeriodSeconds", grace);
    pod.put("automountServiceAccountToken", false);
    pod.put("enableServiceLinks", false);
    PodSecurity.restrictedPod(pod, meta, RedisDeployment.USER, d.kubernetes());
    pod.putArray("containers").add(container);
    ArrayNode volumes = pod.putArray("volumes");
    volumes.addObject().put("name", "data").putObject("emptyDir").put("sizeLimit", dataLimit);
    volumes.addObject().put("name", "scripts").putObject("configMap").put("name", RedisDeployment.SCRIPTS)
        .put("defaultMode", 0555);
    return sts;
  }

  private static ObjectNode container(RedisDeployment d, String name, String script, int port) {
    ObjectNode c = RedisLabels.NODES.objectNode().put("name", name).put("image", d.image())
        .put("imagePullPolicy", "IfNotPresent");
    c.putArray("command").add("/bin/sh").add(RedisScripts.DIR + "/" + script);
    ArrayNode env = c.putArray("env");
    env.addObject().put("name", "POD_NAME").putObject("valueFrom").putObject("fieldRef")
        .put("fieldPath", "metadata.name");
    // redis-cli reads the password from here; the start script writes it into the 0600 configuration
    env.addObject().put("name", "REDISCLI_AUTH").putObject("valueFrom").putObject("secretKeyRef")
        .put("name", RedisDeployment.PASSWORD_SECRET).put("key", RedisDeployment.PASSWORD_KEY);
    c.putArray("ports").addObject().put("name", name).put("containerPort", port);
    ObjectNode security = c.putObject("securityContext").put("allowPrivilegeEscalation", false)
        .put("readOnlyRootFilesystem", true);
    security.putObject("capabilities").putArray("drop").add("ALL");
    probes(d, c, port, name.equals("redis") || d.sentinelAuth());
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "data").put("mountPath", "/data");
    mounts.addObject().put("name", "scripts").put("mountPath", RedisScripts.DIR).put("readOnly", true);
    return c;
  }

  /**
   * Ready when it answers PING (a replica still loading its master's data does not); alive while the port
   * accepts connections. A Redis that waits for the Sentinels' failover listens on nothing for up to 90 s:
   * a startup probe covers that (1.20 and later), on 1.14 the liveness probe's initial delay does.
   */
  private static void probes(RedisDeployment d, ObjectNode c, int port, boolean withPassword) {
    // dash and coreutils only: the image has no grep
    String ping = "[ \"$(" + (withPassword ? "" : "env -u REDISCLI_AUTH ") + "redis-cli --no-auth-warning -p " + port
        + " ping)\" = PONG ]";
    ObjectNode ready = c.putObject("readinessProbe");
    ready.putObject("exec").putArray("command").add("/bin/sh").add("-c").add(ping);
    ready.put("periodSeconds", 5).put("timeoutSeconds", 3).put("failureThreshold", 2);
    if (d.kubernetes().atLeast(20)) {
      tcp(c.putObject("startupProbe"), port).put("periodSeconds", 5).put("failureThreshold", 36);
    }
    ObjectNode live = tcp(c.putObject("livenessProbe"), port);
    if (!d.kubernetes().atLeast(20)) {
      live.put("initialDelaySeconds", 180);
    }
    live.put("periodSeconds", 10).put("timeoutSeconds", 3).put("failureThreshold", 6);
  }

  private static ObjectNode tcp(ObjectNode probe, int port) {
    probe.putObject("tcpSocket").put("port", port);
    return probe;
  }

  private static void resources(ObjectNode c, String cpu, String memory, String memoryLimit) {
    ObjectNode r = c.putObject("resources");
    r.putObject("requests").put("cpu", cpu).put("memory", memory);
    r.putObject("limits").put("memory", memoryLimit);
  }
}
