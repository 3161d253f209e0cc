package dev.kubeyard.engine.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command on this machine (the lab's host side: ip, mount, debootstrap, systemd-nspawn). */
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
      Path log = Files.createTempFile("kubeyard-lab", ".log");
      try {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new LabException(shown + " did not finish in " + timeoutSeconds + " s", "look at what it waits for");
        }
        return new Result(shown, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new LabException("cannot run " + shown + ": " + e.getMessage(), "install the lab's tools: lab/run-e2e.sh does");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted: " + shown, "run it again");
    }
  }
}
