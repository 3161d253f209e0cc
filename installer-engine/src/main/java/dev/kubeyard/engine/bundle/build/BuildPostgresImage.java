package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.io.IOException;

/** Builds (or takes from the cache) GitLab's PostgreSQL image (ADR 42) and lists it, so the install imports it. */
final class BuildPostgresImage implements BuildStep {

  @Override
  public String title() {
    return "GitLab's PostgreSQL image (Debian trixie's PostgreSQL 17 + Patroni + PgBouncer)";
  }

  @Override
  public void run(BundleBuild b) throws BundleException, IOException {
    PostgresImage.Built built = new PostgresImage(b.cache, b.progress).build();
    BundleEntries.addCachedImage(b, built.tar(), PostgresImage.archiveName(), PostgresImage.reference(),
        PostgresImage.COMPONENT, PostgresImage.VERSION, built.origin());
  }
}
