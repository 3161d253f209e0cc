package dev.kubeyard.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder, for tests that read fixtures or the shared docs beside it. */
public final class RepoRoot {
  private RepoRoot() {}

  public static Path path() {
    String fromMaven = System.getProperty("kubeyard.repo.root");
    Path p = fromMaven != null ? Path.of(fromMaven) : Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("kubeyard"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the repository root (no ./kubeyard launcher above "
          + Path.of("").toAbsolutePath() + ")");
    }
    return p;
  }
}
