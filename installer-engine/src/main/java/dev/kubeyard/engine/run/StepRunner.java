package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.transport.CommandCancelled;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.Shell;
import dev.kubeyard.engine.transport.Transport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Carries out one step on its host: check; when it fails, every action in order, then verify
 * (retried until the verify timeout, since a restarted service needs a moment). Every command runs
 * with {@code KUBEYARD_DEPLOYER_EPOCH} set to this machine's clock, for the preflight's time check, by
 * the shell the step is written for, and with {@code KUBEYARD_VERIFY=1} when the run rehashes every file.
 */
final class StepRunner {
  enum Result { SKIPPED, APPLIED }

  private final Path planDir;
  private final Transport transport;
  private final RunSettings settings;
  private final Consumer<String> log;
  private final BooleanSupplier cancelled;
  private final UnfinishedSteps unfinished;

  private final PlanSources sources;

  StepRunner(Path planDir, Transport transport, RunSettings settings, Consumer<String> log, BooleanSupplier cancelled) {
    this(planDir, new PlanSources(planDir, null), transport, settings, log, cancelled);
  }

  StepRunner(Path planDir, PlanSources sources, Transport transport, RunSettings settings, Consumer<String> log,
      BooleanSupplier cancelled) {
    this.planDir = planDir;
    this.sources = sources;
    this.unfinished = new UnfinishedSteps(planDir);
    this.transport = transport;
    this.settings = settings;
    this.log = log;
    this.cancelled = cancelled;
  }

  Result run(Step step) {
    CommandResult check = command(step, step.check());
    boolean interrupted = unfinished.unfinished(step.host(), step.id());
    if (check.succeeded() && !interrupted) {
      log.accept("check passed: nothing to do");
      return Result.SKIPPED;
    }
    if (check.succeeded()) {
      log.accept("check passes, but an earlier run stopped inside this step: applying it again");
    } else {
      log.accept("check says not yet (exit " + check.exitCode() + "): applying");
      check.output().lines().forEach(l -> log.accept("  " + l));
    }
    unfinished.begin(step.host(), step.id());
    for (Action a : step.apply()) {
      if (cancelled.getAsBoolean()) {
        throw new CommandCancelled(transport.host(), a.describe(), "");
      }
      log.accept(a.describe());
      if (a instanceof Action.PutFile f) {
        sources.upload(transport, f, settings.commandTimeout());
      } else if (a instanceof Action.Run r) {
        String command = withClock(step, r.command());
        CommandResult result = r.stdin() == null
            ? transport.run(command, settings.commandTimeout(), line -> log.accept("  " + line))
            : transport.run(command, planDir.resolve(r.stdin()), settings.commandTimeout(), line -> log.accept("  " + line));
        if (!result.succeeded()) {
          String what = r.command().contains("\n") ? "the " + step.title() + " script" : "'" + Shell.abbreviate(r.command()) + "'";
          throw new StepError(what + " exited " + result.exitCode() + tailOf(result),
              "the command failed on " + transport.host() + "; its full output is in the log; fix the cause and run "
                  + "kubeyard apply again (steps already done are skipped by their checks)");
        }
      }
    }
    verify(step);
    unfinished.finished(step.host(), step.id());
    return Result.APPLIED;
  }

  private void verify(Step step) {
    if (step.verify() == null || step.verify().isBlank()) {
      return;
    }
    Instant deadline = Instant.now().plus(settings.verifyTimeout());
    int attempt = 0;
    while (true) {
      attempt++;
      CommandResult r = command(step, step.verify());
      if (r.succeeded()) {
        log.accept("verified" + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
        return;
      }
      if (Instant.now().plus(settings.verifyInterval()).isAfter(deadline)) {
        r.output().lines().forEach(l -> log.accept("  " + l));
        throw new StepError("verify failed after " + attempt + " attempt(s) in " + settings.verifyTimeout().toSeconds()
            + " s: '" + Shell.abbreviate(step.verify()) + "' exited " + r.exitCode() + tailOf(r),
            "the step was applied but its health check fails on " + transport.host()
                + "; look at the log and at what the host says about its services (" + step.shell().howToInspect(step.services())
                + "), fix, and run kubeyard apply again");
      }
      pause(r);
    }
  }

  /** Waits between verify attempts, in short slices so a cancel is seen at once. */
  private void pause(CommandResult last) {
    long end = System.nanoTime() + settings.verifyInterval().toNanos();
    while (System.nanoTime() < end) {
      if (cancelled.getAsBoolean()) {
        throw new CommandCancelled(transport.host(), last.command(), last.outputTail());
      }
      try {
        Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandCancelled(transport.host(), last.command(), last.outputTail());
      }
    }
  }

  private CommandResult command(Step step, String command) {
    CommandResult r = transport.run(withClock(step, command), settings.commandTimeout());
    return new CommandResult(r.host(), command, r.exitCode(), r.output());
  }

  private String withClock(Step step, String command) {
    String c = settings.rehash() ? step.shell().withEnvironment("KUBEYARD_VERIFY", "1", command) : command;
    return step.shell().withEnvironment("KUBEYARD_DEPLOYER_EPOCH", Long.toString(System.currentTimeMillis() / 1000), c);
  }

  private static String tailOf(CommandResult r) {
    String tail = r.outputTail();
    return tail.isBlank() ? "" : "; output ends with:\n" + tail;
  }
}
