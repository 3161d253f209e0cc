package dev.kubeyard.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real tool and keeps its evidence (exit code and combined output) for assertions. */
public final class Proc {
  public record Result(List<String> command, int exit, String output) {
    @Override
    public String toString() {
      return String.join(" ", command) + " -> exit " + exit + "\n" + output;
    }
  }

  private Proc() {}

  public static Result run(Path dir, String... command) {
    try {
      Path log = Files.createTempFile("proc", ".log");
      Process p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Result(List.of(command), p.exitValue(), out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** True when {@code tool} is on this machine (installed by .ci/run). */
  public static boolean available(String tool) {
    return run(null, "sh", "-c", "command -v " + tool).exit() == 0;
  }
}
