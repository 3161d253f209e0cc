package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a program of the build machine (apt-get, dpkg-deb, the Go builder scripts) and keeps the
 * evidence: a failure names the command, its exit code and the end of its output.
 */
final class ExternalCommand {

  private static final int KEPT_OUTPUT = 4000;

  private ExternalCommand() {}

  /** Runs to completion and returns stdout+stderr; a non-zero exit becomes a BundleException with {@code hint}. */
  static String run(List<String> command, Path workDir, Map<String, String> env, String hint) throws BundleException {
    StringBuilder all = new StringBuilder();
    stream(command, workDir, env, hint, line -> all.append(line).append('\n'));
    return all.toString();
  }

  /**
   * As {@link #run(List, Path, Map, String)}, but hands each output line to {@code lines} as it comes
   * and keeps only the end of the output (for the error message), so a large output costs no memory.
   */
  static void stream(List<String> command, Path workDir, Map<String, String> env, String hint,
      Consumer<String> lines) throws BundleException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    pb.environment().putAll(env);
    StringBuilder tail = new StringBuilder();
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          tail.append(line).append('\n');
          if (tail.length() > 2 * KEPT_OUTPUT) {
            tail.delete(0, tail.length() - KEPT_OUTPUT);
          }
          lines.accept(line);
        }
      }
      int exit = p.waitFor();
      if (exit != 0) {
        String out = tail.length() > KEPT_OUTPUT ? "..." + tail.substring(tail.length() - KEPT_OUTPUT) : tail.toString();
        throw new BundleException("'" + String.join(" ", command) + "' exited with " + exit + ":\n" + out.strip()
            + "\n" + hint);
      }
    } catch (IOException e) {
      throw new BundleException("cannot run '" + String.join(" ", command) + "': " + e.getMessage() + "; " + hint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BundleException("interrupted while running '" + String.join(" ", command) + "'", e);
    }
  }
}
