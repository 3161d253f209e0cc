package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.fail;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gateway image as {@code kubeyard bundle build} makes it, from this checkout's python-service/:
 * built into the Kubeyard cache once (tools/build-bundle.sh already did in CI; then it is a stamp check).
 * Building needs apt, dpkg-deb, python3 with pip and PyPI, like the bundle build.
 */
public final class GatewayImageTar {

  private static Path tar;

  private GatewayImageTar() {}

  /** This checkout's python-service/. */
  public static Path pythonService() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("python-service/app"))) {
      dir = dir.getParent();
    }
    return dir != null ? dir.resolve("python-service") : fail("no python-service/ above " + Path.of("").toAbsolutePath());
  }

  public static synchronized Path get() {
    if (tar == null) {
      try {
        tar = new GatewayImage(BundleCache.fromEnvironment(), System.out::println).build(pythonService()).tar();
      } catch (BundleException e) {
        return fail("cannot build the gateway image: " + e.getMessage(), e);
      }
    }
    return tar;
  }
}
