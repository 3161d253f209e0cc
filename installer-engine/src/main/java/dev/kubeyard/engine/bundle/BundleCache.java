package dev.kubeyard.engine.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Kubeyard's cache folder, outside any git clone: $KUBEYARD_CACHE, else ~/.cache/kubeyard. The Go
 * builders keep binaries in bin/, apt's downloads go to debian/, Jib's layers to jib/, bundles to bundle/.
 */
public record BundleCache(Path root) {

  public static BundleCache fromEnvironment() {
    // the property first: a test in a JVM that shares this machine's cache can point the CLI at its own
    String env = System.getProperty("kubeyard.cache", System.getenv("KUBEYARD_CACHE"));
    return new BundleCache(env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "kubeyard"));
  }

  /** The list tools/build-go-binaries.sh writes for one platform of the current line. */
  public Path goBinaries(Platform platform) {
    return goBinaries(platform, BundleLine.CURRENT);
  }

  /** The same for {@code line}: bin/linux-amd64.tsv for the current line, bin/linux-amd64-1.14.tsv for 1.14. */
  public Path goBinaries(Platform platform, BundleLine line) {
    return root.resolve("bin").resolve(platform.folder() + line.suffix() + ".tsv");
  }

  public Path debianArchives() {
    return root.resolve("debian/archives");
  }

  public Path debianStaging() {
    return root.resolve("debian/staging");
  }

  /** A debootstrap --variant=minbase root of Debian 12: what every minimal host already has. */
  public Path minimalDebian() {
    return root.resolve("debian/minbase-bookworm");
  }

  public Path jibLayers() {
    return root.resolve("jib");
  }

  public Path bundles() {
    return root.resolve("bundle");
  }

  /** The folder a build writes by default, e.g. bundle/kubeyard-bundle-1.35.8-linux-amd64. */
  public Path defaultBundle(String kubernetesVersion, Platform platform) {
    return bundles().resolve("kubeyard-bundle-" + kubernetesVersion + "-" + platform.folder());
  }

  /** The newest bundle built here for the current line (bundle/latest names it). */
  public Optional<Path> latestBundle() {
    return latestBundle(BundleLine.CURRENT);
  }

  /** The same for {@code line}, {@code current} or {@code 1.14} (bundle/latest-1.14 names that one). */
  public Optional<Path> latestBundle(String line) {
    return latestBundle(BundleLine.parse(line));
  }

  /**
   * The newest bundle of {@code line}, if its pointer names a bundle of that line. A pointer written before
   * the lines had their own (a 1.14 bundle in bundle/latest) is ignored rather than silently followed.
   */
  public Optional<Path> latestBundle(BundleLine line) {
    Path pointer = latestPointer(line);
    try {
      if (!Files.isRegularFile(pointer)) {
        return Optional.empty();
      }
      Path bundle = Path.of(Files.readString(pointer).trim());
      if (!ManifestJson.exists(bundle)) {
        return Optional.empty();
      }
      return BundleLine.ofVersion(ManifestJson.read(bundle).kubernetesVersion()) == line
          ? Optional.of(bundle) : Optional.empty();
    } catch (IOException | BundleException e) {
      return Optional.empty();
    }
  }

  /** Records {@code bundle} as the newest built here for its line; only a finished build calls it. */
  public void rememberLatest(Path bundle, String kubernetesVersion) throws IOException {
    Files.createDirectories(bundles());
    Files.writeString(latestPointer(BundleLine.ofVersion(kubernetesVersion)),
        bundle.toAbsolutePath().normalize() + "\n");
  }

  /** bundle/latest for the current line, bundle/latest-1.14 for 1.14. */
  public Path latestPointer(BundleLine line) {
    return bundles().resolve("latest" + line.suffix());
  }
}
