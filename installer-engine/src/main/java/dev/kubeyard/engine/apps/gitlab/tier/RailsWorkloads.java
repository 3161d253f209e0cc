package dev.kubeyard.engine.apps.gitlab.tier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Rails side (ADR 44): webservice (Puma and Workhorse in one pod, as the chart runs them, Workhorse
 * forwarding to Puma on localhost), Sidekiq, the toolbox and the migrations Job. All read the same Rails
 * configuration; webservice and Sidekiq wait in an init container until the migrations are done.
 */
final class RailsWorkloads {
  private RailsWorkloads() {}

  static ObjectNode webservice(GitlabTier t) {
    // Puma finishes requests in flight (Workhorse's shutdown_timeout is 61 s)
    ObjectNode template = TierPods.spreadTemplate(TierNames.WEBSERVICE, t, 90);
    ObjectNode spec = template.withObject("/spec");
    spec.putArray("initContainers").add(dependencies(t, t.images().webservice()));
    ArrayNode containers = spec.putArray("containers");
    containers.add(puma(t));
    containers.add(workhorse(t));
    ArrayNode volumes = railsVolumes(spec, false);
    volumes.add(TierMounts.configMapVolume("workhorse-config", TierConfig.WORKHORSE));
    volumes.add(TierMounts.workhorseSecrets());
    volumes.add(TierMounts.emptyDir("uploads", "10Gi"));
    volumes.add(TierMounts.emptyDir("shared", "1Gi"));
    return deployment(TierNames.WEBSERVICE, t.webserviceReplicas(), template, t);
  }

  private static ObjectNode puma(GitlabTier t) {
    ObjectNode c = TierPods.container("webservice", t.images().webservice());
    railsEnv(c);
    TierPods.env(c, "GITLAB_WEBSERVER", "puma", "INTERNAL_PORT", String.valueOf(GitlabTier.PUMA_PORT),
        "ACTION_CABLE_IN_APP", "true");
    c.putArray("ports").addObject().put("name", "http-webservice").put("containerPort", GitlabTier.PUMA_PORT);
    TierPods.resources(c, "300m", "2560Mi", "4Gi");
    railsProbes(c, "/-/", GitlabTier.PUMA_PORT, t);
    ArrayNode mounts = railsMounts(c);
    TierMounts.mount(mounts, "uploads", "/srv/gitlab/public/uploads/tmp", false);
    TierMounts.mount(mounts, "shared", "/srv/gitlab/shared", false);
    return c;
  }

  private static ObjectNode workhorse(GitlabTier t) {
    ObjectNode c = TierPods.container("gitlab-workhorse", t.images().workhorse());
    TierPods.env(c, "TMPDIR", "/tmp/gitlab", "GITLAB_WORKHORSE_LISTEN_PORT", String.valueOf(GitlabTier.WORKHORSE_PORT),
        "GITLAB_WORKHORSE_AUTH_BACKEND", "http://localhost:" + GitlabTier.PUMA_PORT,
        "CONFIG_TEMPLATE_DIRECTORY", TierMounts.RAILS_TEMPLATES_DIR, "CONFIG_DIRECTORY", TierMounts.RAILS_CONFIG_DIR);
    c.putArray("ports").addObject().put("name", "http-workhorse").put("containerPort", GitlabTier.WORKHORSE_PORT);
    TierPods.resources(c, "100m", "100Mi", "512Mi");
    c.set("livenessProbe", TierPods.exec(TierPods.probe(), "/scripts/healthcheck").put("periodSeconds", 10)
        .put("timeoutSeconds", 5));
    c.set("readinessProbe", TierPods.exec(TierPods.probe(), "/scripts/healthcheck").put("periodSeconds", 10)
        .put("timeoutSeconds", 5));
    ArrayNode mounts = c.putArray("volumeMounts");
    TierMounts.mount(mounts, "workhorse-config", TierMounts.RAILS_TEMPLATES_DIR, true);
    TierMounts.mount(mounts, "workhorse-secrets", TierMounts.WORKHORSE_SECRETS_DIR, true);
    TierMounts.mount(mounts, "uploads", "/srv/gitlab/public/uploads/tmp", false);
    TierMounts.mount(mounts, "shared", "/srv/gitlab/shared", false);
    TierMounts.mount(mounts, "tmp", "/tmp", false);
    return c;
  }

  static ObjectNode sidekiq(GitlabTier t) {
    // Sidekiq's own shutdown timeout is 25 s; jobs not finished by then go back to the queue
    ObjectNode template = TierPods.spreadTemplate(TierNames.SIDEKIQ, t, 30);
    ObjectNode spec = template.withObject("/spec");
    spec.putArray("initContainers").add(dependencies(t, t.images().sidekiq()));
    ObjectNode c = TierPods.container("sidekiq", t.images().sidekiq());
    railsEnv(c);
    TierPods.env(c, "SIDEKIQ_CONCURRENCY", "20", "SIDEKIQ_TIMEOUT", "25");
    c.putArray("ports").addObject().put("name", "http-health").put("containerPort", GitlabTier.SIDEKIQ_HEALTH_PORT);
    TierPods.resources(c, "900m", "2Gi", "4Gi");
    railsProbes(c, "/", GitlabTier.SIDEKIQ_HEALTH_PORT, t);
    railsMounts(c);
    spec.putArray("containers").add(c);
    railsVolumes(spec, false);
    return deployment(TierNames.SIDEKIQ, t.sidekiqReplicas(), template, t);
  }

  /**
   * One pod for gitlab-backup and the Rails console. It serves nothing, so it has no probe: a probe that
   * checks nothing would only claim health it cannot see.
   */
  static ObjectNode toolbox(GitlabTier t) {
    ObjectNode template = TierPods.template(TierNames.TOOLBOX, t);
    ObjectNode spec = template.withObject("/spec");
    ObjectNode c = TierPods.container("toolbox", t.images().toolbox());
    c.putArray("args").add("/bin/bash").add("-c").add("exec sleep infinity");
    railsEnv(c);
    TierPods.resources(c, "50m", "350Mi", "2Gi");
    railsMounts(c);
    spec.putArray("containers").add(c);
    railsVolumes(spec, false);
    ObjectNode d = deployment(TierNames.TOOLBOX, 1, template, t);
    // one pod, no budget: a drain may take it, nothing serves from it
    d.withObject("/spec").putObject("strategy").put("type", "Recreate");
    return d;
  }

  /**
   * Schema migrations for this version, then the first seed (the root user's password from its Secret).
   * Run before the new version's pods start: their init containers wait for the schema.
   */
  static ObjectNode migrations(GitlabTier t) {
    ObjectNode job = TierNames.object("batch/v1", "Job", t.migrationsJob(), TierNames.MIGRATIONS, t);
    ObjectNode spec = job.putObject("spec").put("backoffLimit", 6);
    if (t.kubernetes().atLeast(23)) {
      // kept a day for its log; a re-run of the same version is a new Job of the same name
      spec.put("ttlSecondsAfterFinished", 86400);
    }
    ObjectNode template = TierPods.template(TierNames.MIGRATIONS, t);
    ObjectNode podSpec = template.withObject("/spec").put("restartPolicy", "OnFailure");
    ObjectNode c = TierPods.container("migrations", t.images().toolbox());
    c.putArray("args").add("/scripts/wait-for-deps").add("/scripts/db-migrate");
    railsEnv(c);
    TierPods.resources(c, "250m", "1Gi", "2Gi");
    ArrayNode mounts = railsMounts(c);
    mounts.addObject().put("name", "rails-secrets").put("mountPath", TierMounts.RAILS_CONFIG_DIR + "/initial_root_password")
        .put("subPath", "initial_root_password").put("readOnly", true);
    podSpec.putArray("containers").add(c);
    railsVolumes(podSpec, true);
    spec.set("template", template);
    return job;
  }

  /** The chart's dependencies container: waits until the database answers with this version's schema. */
  private static ObjectNode dependencies(GitlabTier t, String image) {
    ObjectNode c = TierPods.container("dependencies", image);
    c.putArray("args").add("/scripts/wait-for-deps");
    railsEnv(c);
    TierPods.resources(c, "50m", "200Mi", "1Gi");
    railsMounts(c);
    return c;
  }

  /**
   * Rails' own health endpoints ({@code <prefix>liveness}, {@code <prefix>readiness}): up to 5 minutes to boot,
   * then liveness every minute (a busy Puma or Sidekiq may answer slowly), readiness every 10 seconds.
   */
  private static void railsProbes(ObjectNode c, String prefix, int port, GitlabTier t) {
    TierPods.startup(c, TierPods.httpGet(TierPods.probe(), prefix + "liveness", port),
        TierPods.httpGet(TierPods.probe(), prefix + "liveness", port).put("periodSeconds", 60).put("timeoutSeconds", 30),
        5, t);
    c.set("readinessProbe", TierPods.httpGet(TierPods.probe(), prefix + "readiness", port)
        .put("periodSeconds", 10).put("timeoutSeconds", 2).put("failureThreshold", 3));
  }

  private static ObjectNode railsEnv(ObjectNode c) {
    return TierPods.env(c, "TMPDIR", "/tmp/gitlab", "CONFIG_TEMPLATE_DIRECTORY", TierMounts.RAILS_TEMPLATES_DIR,
        "CONFIG_DIRECTORY", TierMounts.RAILS_CONFIG_DIR);
  }

  private static ArrayNode railsMounts(ObjectNode c) {
    ArrayNode mounts = c.putArray("volumeMounts");
    TierMounts.mount(mounts, "rails-config", TierMounts.RAILS_TEMPLATES_DIR, true);
    TierMounts.mount(mounts, "rails-secrets", TierMounts.RAILS_SECRETS_DIR, true);
    mounts.addObject().put("name", "rails-secrets").put("mountPath", TierMounts.RAILS_CONFIG_DIR + "/secrets.yml")
        .put("subPath", "rails-secrets/secrets.yml").put("readOnly", true);
    TierMounts.mount(mounts, "tmp", "/tmp", false);
    return mounts;
  }

  private static ArrayNode railsVolumes(ObjectNode podSpec, boolean rootPassword) {
    ArrayNode volumes = podSpec.putArray("volumes");
    volumes.add(TierMounts.configMapVolume("rails-config", TierConfig.RAILS));
    volumes.add(TierMounts.railsSecrets(rootPassword));
    volumes.add(TierMounts.emptyDir("tmp", "5Gi"));
    return volumes;
  }

  /** Rolling updates one pod at a time, never below the replicas asked for. */
  static ObjectNode deployment(String name, int replicas, ObjectNode template, GitlabTier t) {
    ObjectNode d = TierNames.object("apps/v1", "Deployment", name, name, t);
    ObjectNode spec = d.putObject("spec").put("replicas", replicas);
    spec.putObject("selector").set("matchLabels", TierNames.selector(name));
    if (replicas > 1) {
      spec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate").put("maxSurge", 1)
          .put("maxUnavailable", 0);
    }
    spec.set("template", template);
    return d;
  }
}
