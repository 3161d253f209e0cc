package dev.kubeyard.engine.lab;

import dev.kubeyard.engine.apps.gitlab.redis.RedisDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client of GitLab's Redis configured with the Sentinels only, as GitLab is: a pod running redis-cli in
 * a loop (the Redis image's own), which asks the Sentinels for the master, RPUSHes the next number to
 * {@value #KEY} there every 100 ms and logs each write as {@code ok N MILLIS MASTER} or
 * {@code fail N MILLIS MASTER ERROR}; after a failure it asks the Sentinels again, as a Sentinel-aware
 * client does when its connection drops or the server answers READONLY (a demoted master).
 */
final class RedisWriter {
  static final String KEY = "kubeyard:writes";
  static final String POD = "redis-writer";

  private RedisWriter() {}

  static String script(RedisDeployment d) {
    return """
        sentinels="%s"
        n=0
        master=
        while :; do
          n=$((n + 1))
          if [ -z "$master" ]; then
            for s in $sentinels; do
              master=$(timeout 2 redis-cli --no-auth-warning -h "$s" -p %d sentinel get-master-addr-by-name %s 2>/dev/null | head -n 1) || master=
              [ -n "$master" ] && break
            done
          fi
          out=$(timeout 2 redis-cli --no-auth-warning -h "${master:-none}" -p %d rpush %s "$n" 2>&1 | head -n 1) || out=
          case "$out" in
            [0-9]*) echo "ok $n $(date +%%s%%3N) $master" ;;
            *) echo "fail $n $(date +%%s%%3N) ${master:-none} ${out:-timeout}"; master= ;;
          esac
          sleep 0.1
        done
        """.formatted(String.join(" ", d.sentinelHosts()), RedisDeployment.SENTINEL_PORT, RedisDeployment.MASTER_NAME,
        RedisDeployment.REDIS_PORT, KEY);
  }

  /** One logged write. */
  record Write(boolean ok, long n, long millis, String master) {}

  /** What the writer's log says about a failover at {@code killedAt} (epoch millis). */
  record Outcome(int acknowledged, int failed, long lastOkBefore, long firstOkAfter, String masterBefore,
      String masterAfter, Set<Long> acknowledgedNumbers) {
    /** The writer's window without an acknowledged write: last ok on the old master to first ok on the new. */
    double windowSeconds() {
      return (firstOkAfter - lastOkBefore) / 1000.0;
    }
  }

  static List<Write> parse(String log) {
    List<Write> out = new ArrayList<>();
    for (String line : log.split("\n")) {
      String[] f = line.strip().split(" ", 5);
      if (f.length >= 4 && (f[0].equals("ok") || f[0].equals("fail"))) {
        out.add(new Write(f[0].equals("ok"), Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
      }
    }
    return out;
  }

  static Outcome outcome(List<Write> writes, long killedAt) {
    long lastOkBefore = 0;
    long firstOkAfter = 0;
    String before = null;
    String after = null;
    int failed = 0;
    Set<Long> acked = new TreeSet<>();
    for (Write w : writes) {
      if (!w.ok()) {
        failed++;
        continue;
      }
      acked.add(w.n());
      if (w.millis() <= killedAt || firstOkAfter == 0 && after == null && w.master().equals(before)) {
        lastOkBefore = w.millis();
        before = w.master();
      } else if (after == null) {
        firstOkAfter = w.millis();
        after = w.master();
      }
    }
    return new Outcome(acked.size(), failed, lastOkBefore, firstOkAfter, before, after, acked);
  }
}
