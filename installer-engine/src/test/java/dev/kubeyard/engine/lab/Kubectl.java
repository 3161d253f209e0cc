package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundle's own kubectl (the multi-call Kubernetes binary called as kubectl) with the admin kubeconfig, on either line. */
final class Kubectl {
  private final Path binary;
  private final Path kubeconfig;

  Kubectl(Path bundle, Path kubeconfig) {
    this.kubeconfig = kubeconfig;
    try {
      Path dir = Files.createTempDirectory("kubectl");
      binary = dir.resolve("kubectl");
      // the current line's binary is named kubernetes, 1.14's hyperkube: both dispatch on the name called
      Path folder = bundle.resolve("bin/linux-amd64/kubernetes");
      Path multiCall = Files.exists(folder.resolve("kubernetes")) ? folder.resolve("kubernetes") : folder.resolve("hyperkube");
      Files.createSymbolicLink(binary, multiCall.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Proc.Result run(String... args) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString(), "--request-timeout=20s"));
    cmd.addAll(List.of(args));
    return Proc.run(null, cmd.toArray(String[]::new));
  }

  /** Runs and asserts success; returns the trimmed output. */
  String ok(String... args) {
    Proc.Result r = run(args);
    assertThat(r.exit()).as("%s", r).isZero();
    return r.output().strip();
  }

  /** Applies a manifest given as text. */
  void apply(String yaml) {
    try {
      Path f = Files.createTempFile("manifest", ".yaml");
      Files.writeString(f, yaml);
      ok("apply", "-f", f.toString());
      Files.delete(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
