package dev.kubeyard.desktop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: the repository's example cluster.yaml and the desktop's own fixtures. */
public final class Fixtures {
  private Fixtures() {}

  public static Path repoRoot() {
    String root = System.getProperty("kubeyard.repo.root");
    Path p = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    return Files.exists(p.resolve("resources/examples/cluster.yaml")) ? p : Path.of("..").toAbsolutePath().normalize();
  }

  public static Path exampleClusterYaml() {
    return repoRoot().resolve("resources/examples/cluster.yaml");
  }

  public static Path file(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(String name) {
    try {
      return Files.readString(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
