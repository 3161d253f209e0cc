package dev.kubeyard.engine.run;

import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.transport.CommandCancelled;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportException;
import dev.kubeyard.engine.transport.TransportFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan: phase by phase, the hosts of a phase in parallel (a bounded pool; one at a time where the
 * phase says so, see {@link Phase}), each host's steps
 * in order, each step check, then skip or apply and verify. A failed step stops its phase (other hosts
 * finish the step they are on, start no other) and the run; a re-run finishes the job because done
 * steps pass their checks. {@link #cancel()} stops between steps and kills running commands on their hosts.
 * Every event also goes to {@code logs/<host>.log} in the plan directory. Over a {@link Rehearsal}
 * the same run reaches no host: that is the desktop's rehearsal and {@code kubeyard apply --dry-run}.
 */
public final class Executor {
  private final Path planDir;
  private final TransportFactory transports;
  private final RunSettings settings;
  private final List<InstallListener> listeners = new CopyOnWriteArrayList<>();
  private final HostLogFiles logs;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Future<?>> running = new CopyOnWriteArrayList<>();
  private final Map<String, Transport> open = new ConcurrentHashMap<>();
  private PkiPassphrase passphrase = PkiPassphrase.fromEnvironment();

  public Executor(Path planDir, TransportFactory transports, RunSettings settings) {
    this.planDir = planDir;
    this.transports = transports;
    this.settings = settings;
    this.logs = new HostLogFiles(planDir);
    listeners.add(logs);
  }

  /**
   * Where the CA keys' passphrase comes from when an encrypted key must be placed on a master (ADR 37);
   * by default the environment ({@link PkiPassphrase#fromEnvironment()}).
   */
  public Executor passphrase(PkiPassphrase source) {
    this.passphrase = source;
    return this;
  }

  public Executor listener(InstallListener l) {
    listeners.add(l);
    return this;
  }

  /** Stops the run: no new step starts, running commands are killed on their hosts. */
  public void cancel() {
    cancelled.set(true);
    open.values().forEach(Transport::cancel);
  }

  public RunResult run(Plan plan) {
    int total = plan.steps().size();
    publish(new InstallEvent.RunStarted(now(), plan.cluster(), total));
    List<String> missing = transports.rehearses() ? List.of() : PlanFiles.problems(planDir, plan);
    if (!missing.isEmpty()) {
      String summary = "the plan directory " + planDir + " is incomplete: " + String.join("; ", missing)
          + "; write the plan again (kubeyard plan) before applying it";
      publish(new InstallEvent.RunFinished(now(), InstallEvent.Outcome.FAILED, summary));
      return new RunResult(InstallEvent.Outcome.FAILED, 0, 0,
          List.of(new RunResult.StepFailure("-", "plan", summary, "kubeyard plan -f cluster.yaml", "")));
    }
    Progress progress = new Progress(total);
    List<RunResult.StepFailure> failures = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelHosts(), plan.byHost().size())));
    try {
      for (Phase phase : Phase.values()) {
        List<Step> steps = plan.inPhase(phase);
        if (steps.isEmpty() || cancelled.get()) {
          continue;
        }
        publish(new InstallEvent.PhaseStarted(now(), phase));
        Map<String, List<Step>> byHost = new LinkedHashMap<>();
        steps.forEach(s -> byHost.computeIfAbsent(s.host(), h -> new ArrayList<>()).add(s));
        AtomicBoolean phaseFailed = new AtomicBoolean();
        running.clear();
        for (Map.Entry<String, List<Step>> host : byHost.entrySet()) {
          if (phaseFailed.get() || cancelled.get()) {
            break;
          }
          running.add(pool.submit(() -> runHost(host.getKey(), host.getValue(), phaseFailed, progress, failures)));
          if (phase.oneHostAtATime()) {
            awaitAll();
          }
        }
        awaitAll();
        if (phaseFailed.get() || cancelled.get()) {
          break;
        }
      }
    } finally {
      pool.shutdownNow();
      awaitTermination(pool);
      open.values().forEach(Transport::close);
      open.clear();
    }
    InstallEvent.Outcome outcome = cancelled.get() ? InstallEvent.Outcome.CANCELLED
        : failures.isEmpty() ? InstallEvent.Outcome.SUCCEEDED : InstallEvent.Outcome.FAILED;
    if (outcome == InstallEvent.Outcome.SUCCEEDED && total == 0) {
      publish(new InstallEvent.Progress(now(), 100, 0, 0));
    }
    String summary = switch (outcome) {
      case SUCCEEDED -> progress.applied.get() + " step(s) applied, " + progress.skipped.get() + " already satisfied";
      case CANCELLED -> "cancelled after " + progress.done.get() + " of " + total + " steps; run it again to finish";
      case FAILED -> failures.stream().map(f -> f.stepId() + " failed on " + f.host()).reduce((a, b) -> a + ", " + b).orElse("")
          + "; see " + planDir.resolve("logs");
    } + (transports.rehearses() ? "; rehearsal: no host was changed" : "");
    publish(new InstallEvent.RunFinished(now(), outcome, summary));
    return new RunResult(outcome, progress.applied.get(), progress.skipped.get(), List.copyOf(failures));
  }

  private void runHost(String host, List<Step> steps, AtomicBoolean phaseFailed, Progress progress,
      List<RunResult.StepFailure> failures) {
    for (Step step : steps) {
      if (cancelled.get() || phaseFailed.get() || Thread.currentThread().isInterrupted()) {
        return;
      }
      long started = System.nanoTime();
      publish(new InstallEvent.StepStarted(now(), host, step.phase(), step.id(), step.title()));
      try {
        Transport t = open.computeIfAbsent(host, transports::open);
        long connecting = System.nanoTime();
        t.connect(); // before any command, so the deployer's clock sent with it is not stale by a handshake
        long connectMillis = (System.nanoTime() - connecting) / 1_000_000;
        if (connectMillis >= 100) { // a new connection; an open one returns at once
          publish(new InstallEvent.LogLine(now(), host, step.id(), "connected in " + connectMillis + " ms"));
        }
        if (cancelled.get()) {
          t.cancel(); // opened after cancel() went through the open transports
        }
        StepRunner runner = new StepRunner(planDir, new PlanSources(planDir, transports.rehearses() ? null : passphrase), t, settings,
            line -> publish(new InstallEvent.LogLine(now(), host, step.id(), line)), cancelled::get);
        StepRunner.Result r = runner.run(step);
        if (r == StepRunner.Result.SKIPPED) {
          progress.skipped.incrementAndGet();
          publish(new InstallEvent.StepSkipped(now(), host, step.phase(), step.id(), "already satisfied (check passed)"));
        } else {
          progress.applied.incrementAndGet();
          publish(new InstallEvent.StepFinished(now(), host, step.phase(), step.id(), (System.nanoTime() - started) / 1_000_000));
        }
        publish(progress.stepDone());
      } catch (CommandCancelled e) {
        publish(new InstallEvent.StepCancelled(now(), host, step.phase(), step.id()));
        return;
      } catch (StepError e) {
        fail(host, step, e.getMessage(), e.hint(), phaseFailed, failures);
        return;
      } catch (TransportException e) {
        if (cancelled.get()) {
          publish(new InstallEvent.StepCancelled(now(), host, step.phase(), step.id()));
          return;
        }
        fail(host, step, e.getMessage(), e.hint(), phaseFailed, failures);
        return;
      } catch (RuntimeException e) {
        fail(host, step, e.toString(), "this is a bug in kubeyard or its plan; the log has the details", phaseFailed, failures);
        return;
      }
    }
  }

  private void fail(String host, Step step, String message, String hint, AtomicBoolean phaseFailed,
      List<RunResult.StepFailure> failures) {
    phaseFailed.set(true);
    String log = logs.fileOf(host).toString();
    failures.add(new RunResult.StepFailure(host, step.id(), message, hint, log));
    publish(new InstallEvent.StepFailed(now(), host, step.phase(), step.id(), message, hint, log));
  }

  private void awaitAll() {
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        cancel();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitTermination(ExecutorService pool) {
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void publish(InstallEvent e) {
    for (InstallListener l : listeners) {
      try {
        l.on(e);
      } catch (RuntimeException ex) {
        System.err.println("kubeyard: an event listener failed: " + ex);
      }
    }
  }

  private static Instant now() {
    return Instant.now();
  }

  /** Counts done steps for the overall progress. */
  private static final class Progress {
    final int total;
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger applied = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();

    Progress(int total) {
      this.total = total;
    }

    InstallEvent.Progress stepDone() {
      int d = done.incrementAndGet();
      return new InstallEvent.Progress(Instant.now(), total == 0 ? 100 : d * 100 / total, d, total);
    }
  }
}
