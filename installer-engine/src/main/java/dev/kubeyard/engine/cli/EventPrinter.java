package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.run.InstallEvent;
import dev.kubeyard.engine.run.InstallListener;
import java.io.PrintStream;

/** Prints engine events for a person at a terminal: one line a step, failures with evidence, hint and log. */
public final class EventPrinter implements InstallListener {
  private final PrintStream out;
  private final boolean verbose;
  private final boolean rehearsal;

  public EventPrinter(PrintStream out, boolean verbose) {
    this(out, verbose, false);
  }

  /** @param rehearsal the run reaches no host (a dry run): a step is walked, not applied */
  public EventPrinter(PrintStream out, boolean verbose, boolean rehearsal) {
    this.out = out;
    this.verbose = verbose;
    this.rehearsal = rehearsal;
  }

  @Override
  public synchronized void on(InstallEvent e) {
    if (e instanceof InstallEvent.RunStarted r) {
      out.println("cluster '" + r.cluster() + "': " + r.totalSteps() + " steps");
    } else if (e instanceof InstallEvent.PhaseStarted p) {
      out.println("== " + p.phase().title() + " ==");
    } else if (e instanceof InstallEvent.StepSkipped s) {
      out.printf("  %-9s %-26s ok, nothing to do%n", s.host(), s.stepId());
    } else if (e instanceof InstallEvent.StepFinished s) {
      out.printf("  %-9s %-26s %s (%.1f s)%n", s.host(), s.stepId(), rehearsal ? "walked, nothing sent"
          : "applied and verified", s.millis() / 1000.0);
    } else if (e instanceof InstallEvent.StepCancelled s) {
      out.printf("  %-9s %-26s cancelled%n", s.host(), s.stepId());
    } else if (e instanceof InstallEvent.StepFailed s) {
      out.printf("  %-9s %-26s FAILED%n", s.host(), s.stepId());
      s.message().lines().forEach(l -> out.println("      " + l));
      out.println("    what to do: " + s.hint());
      out.println("    full log:   " + s.logFile());
    } else if (e instanceof InstallEvent.LogLine l && verbose) {
      // a script's later lines stay under its first, so a multi-line script reads as one entry of its host
      out.printf("  %-9s %s%n", l.host(), l.line().replace("\n", "\n" + " ".repeat(12)));
    } else if (e instanceof InstallEvent.RunFinished f) {
      out.println(switch (f.outcome()) {
        case SUCCEEDED -> "done: ";
        case FAILED -> "FAILED: ";
        case CANCELLED -> "cancelled: ";
      } + f.summary());
    }
  }
}
