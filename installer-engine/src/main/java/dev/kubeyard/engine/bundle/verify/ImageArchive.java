package dev.kubeyard.engine.bundle.verify;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.ImageTar;
import dev.kubeyard.engine.bundle.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What an image tar of the bundle says about itself: the names it carries and the platforms it holds.
 * A built image is a docker-archive (Jib's); an imported one may also be an OCI image layout.
 */
record ImageArchive(List<String> repoTags, Set<Platform> platforms) {

  public static ImageArchive read(Path tar) throws BundleException {
    ImageTar image = ImageTar.read(tar, false);
    return new ImageArchive(image.references(), image.platforms());
  }
}
