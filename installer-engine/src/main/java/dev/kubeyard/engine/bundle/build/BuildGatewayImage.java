package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.io.IOException;

/**
 * Builds (or takes from the cache) the platform gateway's image from python-service/ and lists it, so the
 * install imports it like the other images and the lab needs no registry (ADR 30).
 */
final class BuildGatewayImage implements BuildStep {

  @Override
  public String title() {
    return "gateway image (Debian's Python 3.11 + the pinned wheels + python-service/app)";
  }

  @Override
  public void run(BundleBuild b) throws BundleException, IOException {
    GatewayImage.Built built = new GatewayImage(b.cache, b.progress).build(b.sources.resolve("python-service"));
    BundleEntries.addCachedImage(b, built.tar(), GatewayImage.archiveName(), GatewayImage.reference(),
        GatewayImage.COMPONENT, GatewayImage.VERSION, built.origin());
  }
}
