package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.ManifestJson;
import java.io.IOException;

/** Writes manifest.json and remembers the bundle as the cache's latest of its line (bundle/latest, latest-1.14). */
final class WriteManifest implements BuildStep {

  @Override
  public String title() {
    return "manifest.json";
  }

  @Override
  public void run(BundleBuild b) throws IOException {
    b.manifest = new BundleManifest(BundleManifest.FORMAT, b.kubernetesVersion, b.platform.architecture(),
        b.files, b.links, b.images);
    ManifestJson.write(b.output, b.manifest);
    b.cache.rememberLatest(b.output, b.kubernetesVersion);
  }
}
