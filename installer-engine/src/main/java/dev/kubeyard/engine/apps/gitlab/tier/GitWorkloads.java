package dev.kubeyard.engine.apps.gitlab.tier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The git side (ADR 44): Gitaly, which holds every repository, and gitlab-shell, which serves git over SSH.
 * Gitaly is one pod: Gitaly Cluster (Praefect) is not supported on Kubernetes, so Gitaly is the tier's one
 * single point of failure; its repositories survive on the claim, and a lost node means Gitaly is down until
 * the pod can start where the volume is.
 */
final class GitWorkloads {
  private GitWorkloads() {}

  /**
   * One replica, its own claim, retained when the StatefulSet goes (1.27+). {@code OnRootMismatch} (1.20+)
   * spares a start the walk over every repository to change its group; 1.14 changes it on every mount.
   */
  static ObjectNode gitaly(GitlabTier t) {
    ObjectNode sts = TierNames.object("apps/v1", "StatefulSet", TierNames.GITALY, TierNames.GITALY, t);
    ObjectNode spec = sts.putObject("spec").put("serviceName", TierNames.GITALY).put("replicas", 1);
    spec.putObject("selector").set("matchLabels", TierNames.selector(TierNames.GITALY));
    if (t.kubernetes().atLeast(27)) {
      spec.putObject("persistentVolumeClaimRetentionPolicy").put("whenDeleted", "Retain").put("whenScaled", "Retain");
    }
    ObjectNode template = TierPods.template(TierNames.GITALY, t);
    ObjectNode podSpec = template.withObject("/spec");
    if (t.kubernetes().atLeast(20)) {
      podSpec.withObject("/securityContext").put("fsGroupChangePolicy", "OnRootMismatch");
    }
    podSpec.put("terminationGracePeriodSeconds", 30);
    ObjectNode c = TierPods.container("gitaly", t.images().gitaly());
    TierPods.env(c, "CONFIG_TEMPLATE_DIRECTORY", "/etc/gitaly/templates", "CONFIG_DIRECTORY", "/etc/gitaly",
        "GITALY_CONFIG_FILE", "/etc/gitaly/config.toml", "SSL_CERT_DIR", "/etc/ssl/certs");
    c.putArray("ports").addObject().put("name", "grpc-gitaly").put("containerPort", GitlabTier.GITALY_PORT);
    TierPods.resources(c, "200m", "512Mi", "4Gi");
    TierPods.startup(c, TierPods.exec(TierPods.probe(), "/scripts/healthcheck"),
        TierPods.exec(TierPods.probe(), "/scripts/healthcheck").put("periodSeconds", 10).put("timeoutSeconds", 3),
        10, t);
    c.set("readinessProbe", TierPods.exec(TierPods.probe(), "/scripts/healthcheck").put("periodSeconds", 10)
        .put("timeoutSeconds", 3));
    ArrayNode mounts = c.putArray("volumeMounts");
    TierMounts.mount(mounts, "repo-data", TierMounts.REPOSITORIES_DIR, false);
    TierMounts.mount(mounts, "gitaly-config", "/etc/gitaly/templates", true);
    TierMounts.mount(mounts, "gitaly-rendered", "/etc/gitaly", false);
    TierMounts.mount(mounts, "gitaly-secrets", TierMounts.GITALY_SECRETS_DIR, true);
    TierMounts.mount(mounts, "tmp", "/tmp", false);
    podSpec.putArray("containers").add(c);
    ArrayNode volumes = podSpec.putArray("volumes");
    volumes.add(TierMounts.configMapVolume("gitaly-config", TierConfig.GITALY));
    volumes.add(TierMounts.emptyDir("gitaly-rendered", "1Mi"));
    volumes.add(TierMounts.gitalySecrets());
    volumes.add(TierMounts.emptyDir("tmp", "5Gi"));
    spec.set("template", template);
    ObjectNode claim = spec.putArray("volumeClaimTemplates").addObject();
    claim.putObject("metadata").put("name", "repo-data").set("labels", TierNames.selector(TierNames.GITALY));
    ObjectNode claimSpec = claim.putObject("spec");
    claimSpec.putArray("accessModes").add("ReadWriteOnce");
    claimSpec.putObject("resources").putObject("requests").put("storage", t.gitalyStorageSize());
    return sts;
  }

  /** gitlab-sshd on an unprivileged port (2222); its Service maps 22 to it. Probes on its web listener. */
  static ObjectNode shell(GitlabTier t) {
    // open git sessions get time to finish; gitlab-sshd stops accepting at once
    ObjectNode template = TierPods.spreadTemplate(TierNames.SHELL, t, 60);
    ObjectNode podSpec = template.withObject("/spec");
    ObjectNode c = TierPods.container("gitlab-shell", t.images().gitlabShell());
    TierPods.env(c, "SSH_DAEMON", "gitlab-sshd", "CONFIG_TEMPLATE_DIRECTORY", "/etc/gitlab-shell",
        "CONFIG_DIRECTORY", "/srv/gitlab-shell", "KEYS_DIRECTORY", TierMounts.SHELL_SECRETS_DIR + "/ssh");
    ArrayNode ports = c.putArray("ports");
    ports.addObject().put("name", "ssh").put("containerPort", GitlabTier.SSHD_PORT);
    ports.addObject().put("name", "http-probes").put("containerPort", GitlabTier.SSHD_PROBE_PORT);
    TierPods.resources(c, "50m", "64Mi", "512Mi");
    c.set("livenessProbe", TierPods.httpGet(TierPods.probe(), "/health", GitlabTier.SSHD_PROBE_PORT)
        .put("initialDelaySeconds", 10).put("periodSeconds", 10).put("timeoutSeconds", 3));
    c.set("readinessProbe", TierPods.httpGet(TierPods.probe(), "/start", GitlabTier.SSHD_PROBE_PORT)
        .put("periodSeconds", 5).put("timeoutSeconds", 3));
    ArrayNode mounts = c.putArray("volumeMounts");
    TierMounts.mount(mounts, "shell-config", "/etc/gitlab-shell", true);
    TierMounts.mount(mounts, "shell-secrets", TierMounts.SHELL_SECRETS_DIR, true);
    podSpec.putArray("containers").add(c);
    ArrayNode volumes = podSpec.putArray("volumes");
    volumes.add(TierMounts.configMapVolume("shell-config", TierConfig.SHELL));
    volumes.add(TierMounts.shellSecrets());
    return RailsWorkloads.deployment(TierNames.SHELL, t.shellReplicas(), template, t);
  }
}
