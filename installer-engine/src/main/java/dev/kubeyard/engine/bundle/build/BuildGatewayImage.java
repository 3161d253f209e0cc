package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
    Path tar = b.output.resolve("images").resolve(GatewayImage.archiveName());
    Files.createDirectories(tar.getParent());
    Files.copy(built.tar(), tar, StandardCopyOption.REPLACE_EXISTING);
    b.images.add(BundleEntries.image(b.output, tar, GatewayImage.reference(), GatewayImage.COMPONENT,
        GatewayImage.VERSION, b.platform, Source.BUILT, built.origin()));
    b.progress.accept("  " + GatewayImage.reference() + " -> " + b.output.relativize(tar));
  }
}
