package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the lab test reads its writer's log (no lab needed). */
class RedisWriterTest {

  @Test
  void theWindowRunsFromTheLastWriteOnTheOldMasterToTheFirstOnTheNewOne() {
    String log = """
        ok 1 1000 gitlab-redis-0.x
        ok 2 1100 gitlab-redis-0.x
        ok 3 1250 gitlab-redis-0.x
        fail 4 3300 gitlab-redis-0.x Could not connect to Redis at gitlab-redis-0.x:6379: Connection refused
        fail 5 3500 none timeout
        fail 6 9000 gitlab-redis-0.x READONLY You can't write against a read only replica.
        ok 7 9200 gitlab-redis-2.x
        ok 8 9300 gitlab-redis-2.x
        starting
        """;
    RedisWriter.Outcome o = RedisWriter.outcome(RedisWriter.parse(log), 1200);
    assertThat(o.acknowledged()).isEqualTo(5);
    assertThat(o.failed()).isEqualTo(3);
    assertThat(o.masterBefore()).isEqualTo("gitlab-redis-0.x");
    assertThat(o.masterAfter()).isEqualTo("gitlab-redis-2.x");
    assertThat(o.windowSeconds()).isEqualTo(7.95);
    assertThat(o.acknowledgedNumbers()).containsExactly(1L, 2L, 3L, 7L, 8L);
  }
}
