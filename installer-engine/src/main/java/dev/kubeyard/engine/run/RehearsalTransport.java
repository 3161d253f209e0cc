package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.transport.CommandCancelled;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.RemoteFile;
import dev.kubeyard.engine.transport.Shell;
import dev.kubeyard.engine.transport.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One host of a {@link Rehearsal}: records each command and upload, sends nothing. It follows the host's
 * steps in plan order (the order the executor runs them) to tell a step's check, which it answers, from
 * the step's other commands, which succeed.
 */
final class RehearsalTransport implements Transport {
  private final String host;
  private final List<Step> steps;
  private final Rehearsal rehearsal;
  private int next;
  private Step current;
  private boolean verifyDue;
  private volatile boolean cancelled;

  RehearsalTransport(String host, List<Step> steps, Rehearsal rehearsal) {
    this.host = host;
    this.steps = steps;
    this.rehearsal = rehearsal;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public void connect() {
    // nothing to reach
  }

  @Override
  public CommandResult run(String command, Path stdin, Duration timeout, Consumer<String> lines) {
    return run(command, timeout, lines); // nothing is sent, so neither is the input
  }

  @Override
  public synchronized CommandResult run(String command, Duration timeout, Consumer<String> lines) {
    pretend(command);
    rehearsal.record(host, command);
    if (verifyDue && current.verify() != null && command.contains(current.verify())) {
      verifyDue = false;
      return new CommandResult(host, command, 0, "");
    }
    if (next < steps.size() && command.contains(steps.get(next).check())) {
      current = steps.get(next++);
      if (rehearsal.satisfied(current)) {
        return new CommandResult(host, command, 0, "rehearsal: done by an earlier attempt");
      }
      verifyDue = current.verify() != null && !current.verify().isBlank();
      return new CommandResult(host, command, 1, "rehearsal: nothing is sent to " + host + "; walking the step");
    }
    failIfAsked(lines);
    return new CommandResult(host, command, 0, "");
  }

  @Override
  public synchronized void upload(Path local, RemoteFile target, Duration timeout) {
    pretend(target.path());
    rehearsal.record(host, "put " + target.path() + " (sha256 " + target.sha256().substring(0, 12) + ")");
  }

  /** A step asked to fail fails at its first command after the check, with a line in its log. */
  private void failIfAsked(Consumer<String> lines) {
    if (current != null && rehearsal.failsNow(current)) {
      verifyDue = false;
      lines.accept("error: injected failure of " + current.id() + " on " + host);
      throw new StepError("injected failure (rehearsal) in '" + current.title() + "'",
          "this failure was asked for; retry from the failed step to continue");
    }
  }

  /** Takes the rehearsal's time per command; a cancel stops it as it stops a real command. */
  private void pretend(String what) {
    if (cancelled) {
      throw new CommandCancelled(host, Shell.abbreviate(what), "");
    }
    if (!rehearsal.perCommand().isZero()) {
      try {
        Thread.sleep(rehearsal.perCommand().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandCancelled(host, Shell.abbreviate(what), "");
      }
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public void close() {
    // nothing open
  }
}
