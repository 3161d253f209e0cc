package dev.kubeyard.engine.apps.gitlab.redis;

import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import java.util.List;

/**
 * GitLab's Redis with Sentinel (ADR 43) in apply order, but for its password Secret ({@link RedisSecrets},
 * generated once and never rendered into a file) and the namespace, which GitLab's tier owns.
 */
public final class RedisManifests {
  private RedisManifests() {}

  public static List<Manifest> render(RedisDeployment d) {
    return List.of(
        new Manifest("configmap-scripts.yaml", RedisScripts.configMap(d)),
        new Manifest("service-redis.yaml",
            RedisObjects.service(d, RedisDeployment.REDIS, RedisLabels.REDIS, RedisDeployment.REDIS_PORT)),
        new Manifest("service-sentinel.yaml",
            RedisObjects.service(d, RedisDeployment.SENTINEL, RedisLabels.SENTINEL, RedisDeployment.SENTINEL_PORT)),
        new Manifest("poddisruptionbudget-redis.yaml",
            RedisObjects.budget(d, RedisDeployment.REDIS, RedisLabels.REDIS)),
        new Manifest("poddisruptionbudget-sentinel.yaml",
            RedisObjects.budget(d, RedisDeployment.SENTINEL, RedisLabels.SENTINEL)),
        new Manifest("statefulset-redis.yaml", RedisWorkloads.redis(d)),
        new Manifest("statefulset-sentinel.yaml", RedisWorkloads.sentinel(d)));
  }
}
