package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.local.LocalProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a program of the build machine (apt-get, dpkg-deb, the Go builder scripts) through
 * {@link LocalProcess}; a failure becomes a BundleException naming the command, its exit code, the end
 * of its output and what to do.
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
    try {
      LocalProcess.Result r = LocalProcess.of(command).in(workDir).environment(env).keepingLast(KEPT_OUTPUT)
          .run(lines);
      if (r.exit() != 0) {
        throw new BundleException("'" + r.command() + "' exited with " + r.exit() + ":\n" + r.output().strip()
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
