package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent.Gate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for each gate around a node restart, reporting what it sees, and fails with evidence on timeout. */
final class UpdateGates {
  private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
  private final ElasticsearchApi api;
  private final UpdateTimeouts timeouts;
  private final UpdateListener listener;
  private final Clock clock;

  UpdateGates(ElasticsearchApi api, UpdateTimeouts timeouts, UpdateListener listener, Clock clock) {
    this.api = api;
    this.timeouts = timeouts;
    this.listener = listener;
    this.clock = clock;
  }

  void healthBefore(String node, List<String> members, boolean versionUpgrade) throws InterruptedException {
    await(node, Gate.HEALTH_BEFORE, timeouts.healthBefore(),
        () -> ClusterView.of(api).unhealthy(members, versionUpgrade));
  }

  void copiesElsewhere(String node) throws InterruptedException {
    await(node, Gate.COPIES_ELSEWHERE, timeouts.copiesElsewhere(), () -> {
      List<String> only = ClusterView.of(api).shardsOnlyOn(node);
      return only.isEmpty() ? Optional.empty() : Optional.of("only copy on " + node + ": " + only);
    });
  }

  void rejoined(String node, UpdateTarget target) throws InterruptedException {
    await(node, Gate.REJOINED, timeouts.rejoin(), () -> {
      Optional<EsNode> n = api.node(node);
      if (n.isEmpty()) {
        return Optional.of(node + " has not joined the cluster yet");
      }
      return n.get().runs(target.version(), target.revision()) ? Optional.empty()
          : Optional.of(node + " joined as " + n.get().describe() + ", expected " + target);
    });
  }

  void healthAfter(String node, List<String> members, boolean versionUpgrade) throws InterruptedException {
    await(node, Gate.HEALTH_AFTER, timeouts.healthAfter(), () -> {
      api.waitForHealth(versionUpgrade ? "yellow" : "green", 5);
      return ClusterView.of(api).unhealthy(members, versionUpgrade);
    });
  }

  private void await(String node, Gate gate, Duration timeout, Supplier<Optional<String>> problem)
      throws InterruptedException {
    long start = clock.millis();
    long lastReport = start;
    String seen = "no answer yet";
    while (true) {
      try {
        Optional<String> p = problem.get();
        if (p.isEmpty()) {
          listener.on(new UpdateEvent.GatePassed(clock.instant(), node, gate, clock.millis() - start));
          return;
        }
        seen = p.get();
      } catch (EsException e) {
        seen = e.getMessage();
      }
      long now = clock.millis();
      if (now - start > timeout.toMillis()) {
        throw new UpdateFailed("gate " + gate + " for " + node + " did not pass within " + timeout.toSeconds()
            + " s: " + seen, "look at the cluster (`kubeyard es status`), fix the cause, then run the update again: "
            + "it resumes where it stopped");
      }
      if (now - lastReport >= REPORT_EVERY.toMillis()) {
        listener.on(new UpdateEvent.GateWaiting(clock.instant(), node, gate, seen));
        lastReport = now;
      }
      Thread.sleep(timeouts.poll().toMillis());
    }
  }
}
