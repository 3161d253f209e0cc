package dev.kubeyard.engine.apps.elasticsearch.update;

import java.time.Duration;

/** How long each gate may wait before the update stops (resumable) with an explanation. */
public record UpdateTimeouts(Duration healthBefore, Duration copiesElsewhere, Duration rejoin, Duration healthAfter,
    Duration poll) {

  public static UpdateTimeouts defaults() {
    return new UpdateTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10),
        Duration.ofMinutes(30), Duration.ofSeconds(1));
  }
}
