package dev.kubeyard.desktop.install;

import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.run.InstallEvent;
import dev.kubeyard.engine.run.InstallListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * NOT A REAL EXECUTION. Walks the real plan from {@code InstallSequence} the way the executor will
 * (phase after phase, the hosts of a phase in parallel, each step's actions in order) and publishes
 * the same engine events, without connecting to any host. It stands in until the SSH executor (branch
 * lab) lands on main. {@code failures} names steps that fail once ({@code host -> stepId}), for tests
 * and demonstrations of the failure path.
 */
public final class PlanRehearsal implements InstallRunner {
  private final Duration perAction;
  private final Map<String, String> failures;
  private final Path logDir;
  private final Executor runThread;
  private final Executor hostThreads;

  public PlanRehearsal(Duration perAction, Map<String, String> failures, Path logDir, Executor runThread,
      Executor hostThreads) {
    this.perAction = perAction;
    this.failures = new ConcurrentHashMap<>(failures);
    this.logDir = logDir;
    this.runThread = runThread;
    this.hostThreads = hostThreads;
  }

  /** Each run on its own daemon thread, each host of a phase on its own daemon thread. */
  public static PlanRehearsal threaded(Duration perAction, Map<String, String> failures, Path logDir) {
    Executor daemon = work -> {
      Thread t = new Thread(work, "kubeyard-rehearsal");
      t.setDaemon(true);
      t.start();
    };
    return new PlanRehearsal(perAction, failures, logDir, daemon, daemon);
  }

  @Override
  public boolean changesHosts() {
    return false;
  }

  @Override
  public RunningInstall start(Plan plan, Set<String> alreadyDone, InstallListener listener) {
    AtomicBoolean cancelled = new AtomicBoolean();
    runThread.execute(() -> run(plan, Set.copyOf(alreadyDone), listener, cancelled));
    return () -> cancelled.set(true);
  }

  private void run(Plan plan, Set<String> done, InstallListener out, AtomicBoolean cancelled) {
    int total = plan.steps().size();
    AtomicInteger finished = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    out.on(new InstallEvent.RunStarted(Instant.now(), plan.cluster(), total));
    for (Phase phase : Phase.values()) {
      List<Step> steps = plan.inPhase(phase);
      if (steps.isEmpty()) {
        continue;
      }
      if (cancelled.get() || failed.get()) {
        break;
      }
      out.on(new InstallEvent.PhaseStarted(Instant.now(), phase));
      Map<String, List<Step>> byHost = new java.util.TreeMap<>();
      steps.forEach(s -> byHost.computeIfAbsent(s.host(), h -> new java.util.ArrayList<>()).add(s));
      CountDownLatch hostsDone = new CountDownLatch(byHost.size());
      byHost.forEach((host, hostSteps) -> hostThreads.execute(() -> {
        try {
          for (Step s : hostSteps) {
            if (cancelled.get() || failed.get()) {
              return;
            }
            Result r = done.contains(StepKey.of(s.host(), s.id())) ? skip(s, out) : rehearse(s, out, cancelled);
            if (r == Result.FAILED) {
              failed.set(true);
            }
            if (r != Result.DONE) {
              return;
            }
            int n = finished.incrementAndGet();
            out.on(new InstallEvent.Progress(Instant.now(), n * 100 / total, n, total));
          }
        } finally {
          hostsDone.countDown();
        }
      }));
      await(hostsDone);
    }
    InstallEvent.Outcome outcome = failed.get() ? InstallEvent.Outcome.FAILED
        : cancelled.get() ? InstallEvent.Outcome.CANCELLED : InstallEvent.Outcome.SUCCEEDED;
    out.on(new InstallEvent.RunFinished(Instant.now(), outcome,
        "rehearsal " + outcome.name().toLowerCase() + ": " + finished.get() + " of " + total + " steps walked; no host was changed"));
  }

  private enum Result { DONE, FAILED, CANCELLED }

  private static Result skip(Step s, InstallListener out) {
    out.on(new InstallEvent.StepSkipped(Instant.now(), s.host(), s.phase(), s.id(), "completed by an earlier attempt"));
    return Result.DONE;
  }

  private Result rehearse(Step s, InstallListener out, AtomicBoolean cancelled) {
    long started = System.nanoTime();
    out.on(new InstallEvent.StepStarted(Instant.now(), s.host(), s.phase(), s.id(), s.title()));
    line(out, s, "rehearsal: nothing is sent to " + s.host());
    line(out, s, "check: " + s.check());
    for (Action a : s.apply()) {
      if (cancelled.get()) {
        line(out, s, "cancelled before: " + a.describe());
        return Result.CANCELLED;
      }
      line(out, s, a.describe());
      pause();
    }
    if (failures.remove(s.host(), s.id())) {
      line(out, s, "error: injected failure of " + s.id() + " on " + s.host());
      out.on(new InstallEvent.StepFailed(Instant.now(), s.host(), s.phase(), s.id(),
          "injected failure (rehearsal) in '" + s.title() + "'",
          "this failure was asked for; retry from the failed step to continue",
          logDir.resolve(s.host() + ".log").toString()));
      return Result.FAILED;
    }
    if (s.verify() != null) {
      line(out, s, "verify: " + s.verify());
    }
    out.on(new InstallEvent.StepFinished(Instant.now(), s.host(), s.phase(), s.id(),
        (System.nanoTime() - started) / 1_000_000));
    return Result.DONE;
  }

  private static void line(InstallListener out, Step s, String text) {
    out.on(new InstallEvent.LogLine(Instant.now(), s.host(), s.id(), text));
  }

  private void pause() {
    if (perAction.isZero()) {
      return;
    }
    try {
      Thread.sleep(perAction.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
