package dev.kubeyard.engine.apps.gitlab.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The start scripts of Redis and the Sentinels (dash, in the Redis image), in the ConfigMap
 * {@value RedisDeployment#SCRIPTS}. Each pod writes its configuration at start into its own emptyDir
 * (0600: it holds the password, which comes from the Secret as REDISCLI_AUTH and is never printed).
 *
 * <p>Who is master is the Sentinels' to say: a Redis pod asks them and follows the master they name; only
 * when none answers (the tier's first start) does it ask the other Redis pods, and failing that
 * gitlab-redis-0 is master. A pod the Sentinels still name master but that comes back empty (its emptyDir
 * went with the deleted pod) waits for their failover instead of handing its replicas an empty data set.
 */
final class RedisScripts {
  static final String DIR = "/opt/kubeyard";
  static final String REDIS = "redis.sh";
  static final String SENTINEL = "sentinel.sh";
  /** How long an emptied master waits for the Sentinels to promote a replica (2 s a try). */
  static final int EMPTY_MASTER_TRIES = 45;

  private RedisScripts() {}

  static ObjectNode configMap(RedisDeployment d) {
    ObjectNode cm = RedisLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.set("metadata", RedisLabels.metadata(d, RedisDeployment.SCRIPTS, RedisLabels.REDIS));
    cm.putObject("data").put(REDIS, redis(d)).put(SENTINEL, sentinel(d));
    return cm;
  }

  /**
   * Shell functions both scripts use: who the Sentinels, or failing them the Redis pods, say is master.
   * Without Sentinel auth (the 1.14 line) redis-cli must not send the password: a Sentinel without one
   * answers AUTH with an error, and redis-cli then gives up.
   */
  private static String common(RedisDeployment d) {
    return """
        redis_hosts="%s"
        sentinel_hosts="%s"
        is_redis_host() { for h in $redis_hosts; do [ "$1" = "$h" ] && return 0; done; return 1; }
        # the master the first answering Sentinel names (other than $1), or nothing
        master_from_sentinels() {
          for s in $sentinel_hosts; do
            [ "$s" = "${1:-}" ] && continue
            m=$(timeout 3 %sredis-cli --no-auth-warning -h "$s" -p %d sentinel get-master-addr-by-name %s 2>/dev/null | head -n 1) || m=
            if is_redis_host "$m"; then echo "$m"; return 0; fi
          done
          return 1
        }
        # the Redis pod (other than $1) that says it is master, or nothing
        master_from_redis() {
          for r in $redis_hosts; do
            [ "$r" = "${1:-}" ] && continue
            role=$(timeout 3 redis-cli --no-auth-warning -h "$r" -p %d role 2>/dev/null | head -n 1) || role=
            if [ "$role" = master ]; then echo "$r"; return 0; fi
          done
          return 1
        }
        """.formatted(String.join(" ", d.redisHosts()), String.join(" ", d.sentinelHosts()),
        d.sentinelAuth() ? "" : "env -u REDISCLI_AUTH ", RedisDeployment.SENTINEL_PORT, RedisDeployment.MASTER_NAME, RedisDeployment.REDIS_PORT);
  }

  static String redis(RedisDeployment d) {
    return "#!/bin/sh\n# GitLab's Redis (ADR 43): follows the master the Sentinels name.\nset -eu\n" + common(d) + """
        self="$POD_NAME.%s.%s.svc.%s"
        has_data() { [ -s /data/dump.rdb ] || [ -d /data/appendonlydir ]; }
        tries=0
        while :; do
          master=$(master_from_sentinels) || master=
          [ -n "$master" ] || master=$(master_from_redis "$self") || master=
          [ "$master" = "$self" ] && ! has_data && [ "$tries" -lt %d ] || break
          tries=$((tries + 1))
          echo "the Sentinels still name this pod master, and it has no data: waiting for their failover ($tries)"
          sleep 2
        done
        [ -n "$master" ] || master="%s"
        umask 077
        cat > /data/redis.conf <<EOF
        bind * -::*
        port %d
        dir /data
        appendonly yes
        appendfsync everysec
        requirepass $REDISCLI_AUTH
        masterauth $REDISCLI_AUTH
        replica-announce-ip $self
        min-replicas-to-write 1
        min-replicas-max-lag 10
        EOF
        if [ "$master" = "$self" ]; then
          echo "starting $self as master"
        else
          echo "replicaof $master %d" >> /data/redis.conf
          echo "starting $self as a replica of $master"
        fi
        exec redis-server /data/redis.conf
        """.formatted(RedisDeployment.REDIS, d.namespace(), d.clusterDomain(), EMPTY_MASTER_TRIES, d.redisHost(0),
        RedisDeployment.REDIS_PORT, RedisDeployment.REDIS_PORT);
  }

  static String sentinel(RedisDeployment d) {
    String auth = d.sentinelAuth() ? "requirepass $REDISCLI_AUTH\nsentinel sentinel-pass $REDISCLI_AUTH\n" : "";
    return "#!/bin/sh\n# GitLab's Redis Sentinel (ADR 43): monitors the master the other Sentinels or Redis name.\n"
        + "set -eu\n" + common(d) + """
        self="$POD_NAME.%s.%s.svc.%s"
        master=$(master_from_sentinels "$self") || master=$(master_from_redis) || master="%s"
        # a Sentinel refuses a master whose name does not resolve yet: wait (a minute) for it to answer
        for i in $(seq 30); do
          [ "$(timeout 3 redis-cli --no-auth-warning -h "$master" -p %d ping 2>/dev/null)" = PONG ] && break
          sleep 2
        done
        umask 077
        cat > /data/sentinel.conf <<EOF
        port %d
        dir /data
        sentinel resolve-hostnames yes
        sentinel announce-hostnames yes
        sentinel announce-ip $self
        sentinel announce-port %d
        %ssentinel monitor %s $master %d %d
        sentinel auth-pass %s $REDISCLI_AUTH
        sentinel down-after-milliseconds %s 5000
        sentinel failover-timeout %s 60000
        sentinel parallel-syncs %s 1
        EOF
        echo "starting $self, monitoring $master"
        exec redis-sentinel /data/sentinel.conf
        """.formatted(RedisDeployment.SENTINEL, d.namespace(), d.clusterDomain(), d.redisHost(0),
        RedisDeployment.REDIS_PORT, RedisDeployment.SENTINEL_PORT, RedisDeployment.SENTINEL_PORT, auth,
        RedisDeployment.MASTER_NAME, RedisDeployment.REDIS_PORT, d.quorum(), RedisDeployment.MASTER_NAME,
        RedisDeployment.MASTER_NAME, RedisDeployment.MASTER_NAME, RedisDeployment.MASTER_NAME);
  }
}
