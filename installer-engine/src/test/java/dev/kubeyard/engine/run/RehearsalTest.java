package dev.kubeyard.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.pipeline.PlanPipeline;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rehearsal is the real executor over transports that record instead of running (NOT A REAL EXECUTION). */
class RehearsalTest {
  private static final Plan PLAN = PlanPipeline.preview(Validator.requireValid(Specs.current()));
  @TempDir Path dir;

  private RunResult rehearse(Rehearsal rehearsal, RecordedEvents events) {
    return new Executor(dir, rehearsal, RunSettings.defaults()).listener(events).run(PLAN);
  }

  @Test
  void theRehearsalGoesOneHostAtATimeInThePhasesThatSaySo() {
    RecordedEvents events = new RecordedEvents();
    Rehearsal slow = new Rehearsal(PLAN, Set.of(), Map.of(), Duration.ofMillis(15)); // steps long enough to overlap

    assertThat(rehearse(slow, events).succeeded()).isTrue();

    for (Phase phase : List.of(Phase.LOAD_BALANCER, Phase.CONTROL_PLANE)) {
      assertThat(phase.oneHostAtATime()).isTrue();
      List<String> order = new ArrayList<>();
      events.all.forEach(e -> {
        if (e instanceof InstallEvent.StepStarted s && s.phase() == phase) {
          order.add("start " + s.host());
        } else if (e instanceof InstallEvent.StepFinished s && s.phase() == phase) {
          order.add("end " + s.host());
        }
      });
      assertThat(order).as(phase + ": each host ends before the next starts").hasSizeGreaterThanOrEqualTo(4)
          .satisfies(o -> {
            for (int i = 0; i < o.size(); i += 2) {
              assertThat(o.get(i + 1)).isEqualTo("end " + o.get(i).substring("start ".length()));
            }
          });
    }
  }

  @Test
  void theRehearsalWritesEachHostsLogThroughTheExecutor() throws Exception {
    RunResult r = rehearse(Rehearsal.of(PLAN), new RecordedEvents());

    assertThat(r.applied()).isEqualTo(PLAN.steps().size());
    assertThat(dir.resolve("logs/master1.log")).content()
        .contains("[start-etcd] started: start etcd (etcd)")
        .contains("rehearsal: nothing is sent to master1")
        .contains("[start-etcd] done in")
        .contains("rehearsal: no host was changed");
    assertThat(dir.resolve("logs/lb1.log")).content().doesNotContain("[start-etcd]");
  }

  @Test
  void theRehearsalRecordsEveryCommandAndFileOfThePlanAndReachesNoHost() {
    Rehearsal rehearsal = Rehearsal.of(PLAN);

    rehearse(rehearsal, new RecordedEvents());

    Step etcd = PLAN.steps().stream().filter(s -> s.id().equals("start-etcd") && s.host().equals("master1")).findFirst()
        .orElseThrow();
    List<String> master1 = rehearsal.recorded().stream().filter(c -> c.host().equals("master1"))
        .map(Rehearsal.Command::text).toList();
    assertThat(master1).anyMatch(c -> c.endsWith(etcd.check())).anyMatch(c -> c.endsWith(etcd.verify()))
        .anyMatch(c -> c.startsWith("put /etc/systemd/system/etcd.service"));
    assertThat(dir.resolve("state")).isDirectory(); // the executor's own bookkeeping, in the rehearsal's folder
  }

  @Test
  void stepsDoneByAnEarlierAttemptAreSkippedAndAFailureAskedForHappensOnce() {
    Map<String, String> failOnce = new ConcurrentHashMap<>(Map.of("master2", "start-etcd"));
    RecordedEvents first = new RecordedEvents();
    RunResult failed = rehearse(new Rehearsal(PLAN, Set.of(), failOnce, Duration.ZERO), first);

    assertThat(failed.failures()).singleElement().satisfies(f -> {
      assertThat(f.stepId()).isEqualTo("start-etcd");
      assertThat(f.message()).startsWith("injected failure (rehearsal)");
    });
    Set<String> done = new java.util.HashSet<>();
    first.of(InstallEvent.StepFinished.class).forEach(s -> done.add(Rehearsal.key(s.host(), s.stepId())));

    RecordedEvents second = new RecordedEvents();
    RunResult retried = rehearse(new Rehearsal(PLAN, done, failOnce, Duration.ZERO), second);

    assertThat(retried.succeeded()).isTrue();
    assertThat(retried.skipped()).isEqualTo(done.size());
    assertThat(second.of(InstallEvent.StepFinished.class)).anyMatch(s -> s.host().equals("master2")
        && s.stepId().equals("start-etcd"));
    assertThat(Files.exists(dir.resolve("state/master2/start-etcd.unfinished"))).isFalse();
  }
}
