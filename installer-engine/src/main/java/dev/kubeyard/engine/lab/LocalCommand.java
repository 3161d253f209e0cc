package dev.kubeyard.engine.lab;

import dev.kubeyard.engine.local.LocalProcess;
import java.io.IOException;
import java.time.Duration;

/** Runs a command on this machine (the lab's host side: ip, mount, debootstrap, systemd-nspawn); failures are LabExceptions. */
final class LocalCommand {
  record Result(String command, int exit, String output) {
    Result orThrow(String hint) {
      if (exit != 0) {
        throw new LabException(command + " exited " + exit + ": " + output.strip(), hint);
      }
      return this;
    }
  }

  private LocalCommand() {}

  static Result sh(String script) {
    return run(120, "sh", "-c", script);
  }

  static Result run(long timeoutSeconds, String... command) {
    String shown = String.join(" ", command);
    try {
      LocalProcess.Result r = LocalProcess.of(command).timeout(Duration.ofSeconds(timeoutSeconds)).run();
      if (r.timedOut()) {
        throw new LabException(shown + " did not finish in " + timeoutSeconds + " s", "look at what it waits for");
      }
      return new Result(shown, r.exit(), r.output());
    } catch (IOException e) {
      throw new LabException("cannot run " + shown + ": " + e.getMessage(), "install the lab's tools: lab/run-e2e.sh does");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted: " + shown, "run it again");
    }
  }
}
