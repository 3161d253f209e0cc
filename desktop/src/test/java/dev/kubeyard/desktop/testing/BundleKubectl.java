package dev.kubeyard.desktop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bundle's own kubectl (the multi-call Kubernetes binary, called through a link named kubectl) with
 * a kubeconfig: an independent look at the cluster, not through the desktop. As the engine's lab tests.
 */
public final class BundleKubectl {
  private final Path binary;
  private final Path kubeconfig;

  public BundleKubectl(Path bundle, Path kubeconfig) {
    this.kubeconfig = kubeconfig;
    try {
      binary = Files.createTempDirectory("kubectl").resolve("kubectl");
      Files.createSymbolicLink(binary, bundle.resolve("bin/linux-amd64/kubernetes/kubernetes").toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a run of kubectl printed (stdout and stderr together) and its exit code. */
  public record Result(int exit, String output) {}

  public Result run(String... args) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString(), "--request-timeout=20s"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new Result(-1, out + "\n(timed out)");
      }
      return new Result(p.exitValue(), out.strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
