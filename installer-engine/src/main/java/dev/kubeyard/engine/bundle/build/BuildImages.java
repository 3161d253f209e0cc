package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Source;
import java.io.IOException;
import java.nio.file.Path;

/** Builds each image with Jib into images/NAME-VERSION-OS-ARCH.tar and lists it. */
final class BuildImages implements BuildStep {

  @Override
  public String title() {
    return "container images (pause, CoreDNS, metrics-server, Traefik, MetalLB, flannel, kube-router, Redis)";
  }

  @Override
  public void run(BundleBuild b) throws BundleException, IOException {
    ImageBuilder jib = new ImageBuilder(b.cache.jibLayers());
    for (ImageRecipe recipe : ImageRecipes.of(b)) {
      Path tar = b.output.resolve("images").resolve(recipe.archiveName(b.platform));
      jib.build(recipe, b.platform, tar);
      b.images.add(BundleEntries.image(b.output, tar, recipe.reference(), recipe.component(), recipe.version(),
          b.platform, Source.BUILT, recipe.origin()));
      b.progress.accept("  " + recipe.reference() + " -> " + b.output.relativize(tar));
    }
  }
}
