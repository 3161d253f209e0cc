package dev.kubeyard.engine.apps.gitlab.tier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.podsecurity.PodSecurity;

/**
 * What every pod and container of the tier shares. Pods fit the restricted standard (ADR 35): the CNG
 * images' git user (1000), no capabilities, no escalation, the runtime's default seccomp profile. Not
 * read-only roots: the images render their configuration into their own directories at start
 * (/srv/gitlab/config, /srv/gitlab-shell, /etc/gitaly), as GitLab's chart runs them too.
 */
final class TierPods {
  private TierPods() {}

  /** A pod template for {@code component}, its labels, restricted security, Linux nodes, no API token. */
  static ObjectNode template(String component, GitlabTier t) {
    ObjectNode template = TierNames.NODES.objectNode();
    ObjectNode meta = template.putObject("metadata");
    meta.set("labels", TierNames.labels(component, t));
    ObjectNode spec = template.putObject("spec");
    spec.putObject("nodeSelector").put(t.kubernetes().atLeast(15) ? "kubernetes.io/os" : "beta.kubernetes.io/os",
        "linux");
    // no GitLab component calls the Kubernetes API
    spec.put("automountServiceAccountToken", false);
    spec.put("enableServiceLinks", false);
    PodSecurity.restrictedPod(spec, meta, GitlabTier.GIT_USER, t.kubernetes());
    return template;
  }

  /**
   * Replicas spread over nodes, preferred rather than required (as the chart's default "soft"): with two
   * workers a rolling update's surge pod must share a node, and required anti-affinity would leave it
   * Pending. The disruption budget, not the scheduler, keeps one replica up through a drain. SIGTERM gives
   * the pod {@code graceSeconds} to finish its work.
   */
  static ObjectNode spreadTemplate(String component, GitlabTier t, int graceSeconds) {
    ObjectNode template = template(component, t);
    ObjectNode podSpec = template.withObject("/spec");
    ObjectNode term = podSpec.putObject("affinity").putObject("podAntiAffinity")
        .putArray("preferredDuringSchedulingIgnoredDuringExecution").addObject().put("weight", 100)
        .putObject("podAffinityTerm").put("topologyKey", "kubernetes.io/hostname");
    term.putObject("labelSelector").set("matchLabels", TierNames.selector(component));
    podSpec.put("terminationGracePeriodSeconds", graceSeconds);
    return template;
  }

  static ObjectNode container(String name, String image) {
    ObjectNode c = TierNames.NODES.objectNode().put("name", name).put("image", image);
    ObjectNode security = c.putObject("securityContext").put("allowPrivilegeEscalation", false);
    security.putObject("capabilities").putArray("drop").add("ALL");
    return c;
  }

  /** Requests as GitLab's chart sizes them; a memory limit (no CPU limit, which would only throttle). */
  static void resources(ObjectNode c, String cpu, String memory, String memoryLimit) {
    ObjectNode r = c.putObject("resources");
    r.putObject("requests").put("cpu", cpu).put("memory", memory);
    r.putObject("limits").put("memory", memoryLimit);
  }

  static ObjectNode env(ObjectNode c, String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      c.withArray("env").addObject().put("name", pairs[i]).put("value", pairs[i + 1]);
    }
    return c;
  }

  static ObjectNode httpGet(ObjectNode probe, String path, int port) {
    probe.putObject("httpGet").put("path", path).put("port", port);
    return probe;
  }

  static ObjectNode exec(ObjectNode probe, String... command) {
    var array = probe.putObject("exec").putArray("command");
    for (String s : command) {
      array.add(s);
    }
    return probe;
  }

  /**
   * A slow first start (Rails loads for a minute or more, Gitaly may repair repositories): a startup probe
   * of {@code minutes} from 1.20; before, the liveness probe waits that long instead.
   */
  static void startup(ObjectNode c, ObjectNode startupCheck, ObjectNode liveness, int minutes, GitlabTier t) {
    if (t.kubernetes().atLeast(20)) {
      c.set("startupProbe", startupCheck.put("periodSeconds", 10).put("failureThreshold", minutes * 6));
    } else {
      liveness.put("initialDelaySeconds", minutes * 60);
    }
    c.set("livenessProbe", liveness);
  }

  static ObjectNode probe() {
    return TierNames.NODES.objectNode();
  }
}
