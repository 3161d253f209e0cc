package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;

/**
 * The bundle tools/build-bundle.sh built, found through the cache ($KUBEYARD_CACHE/bundle/latest).
 * Tests that use it carry the JUnit tag "bundle"; a fast run leaves them out with -DexcludedGroups=bundle.
 */
public final class BuiltBundle {

  public static final String TAG = "bundle";

  private BuiltBundle() {}

  public static Path folder() {
    return BundleCache.fromEnvironment().latestBundle().orElseGet(() -> fail(
        "no built bundle in " + BundleCache.fromEnvironment().bundles() + "; run tools/build-bundle.sh first"
            + " (or leave these tests out with -DexcludedGroups=bundle)"));
  }

  public static BundleManifest manifest() {
    try {
      return ManifestJson.read(folder());
    } catch (BundleException e) {
      return fail(e.getMessage());
    }
  }

  /** The bundle file that provides {@code command} on linux/amd64. */
  public static Path command(String command) {
    BundleFile file = manifest().fileProviding(command, Platform.LINUX_AMD64)
        .orElseGet(() -> fail("the built bundle has no " + command + "; rebuild it with tools/build-bundle.sh"));
    return folder().resolve(file.path());
  }

  public static Path image(String component) {
    BundleImage image = manifest().image(component, Platform.LINUX_AMD64)
        .orElseGet(() -> fail("the built bundle has no " + component + " image; rebuild it with tools/build-bundle.sh"));
    return folder().resolve(image.path());
  }

  public static String reference(String component) {
    return manifest().image(component, Platform.LINUX_AMD64).orElseThrow().reference();
  }
}
