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
    String env = System.getenv("KUBEYARD_CACHE");
    return new BundleCache(env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "kubeyard"));
  }

  /** The list tools/build-go-binaries.sh writes for one platform. */
  public Path goBinaries(Platform platform) {
    return root.resolve("bin").resolve(platform.folder() + ".tsv");
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

  /** The bundle the last successful build wrote (bundle/latest names it). */
  public Optional<Path> latestBundle() {
    Path pointer = bundles().resolve("latest");
    try {
      if (Files.isRegularFile(pointer)) {
        Path bundle = Path.of(Files.readString(pointer).trim());
        return ManifestJson.exists(bundle) ? Optional.of(bundle) : Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Records {@code bundle} as the newest built here; only a finished build calls it. */
  public void rememberLatest(Path bundle) throws IOException {
    Files.createDirectories(bundles());
    Files.writeString(bundles().resolve("latest"), bundle.toAbsolutePath().normalize() + "\n");
  }
}
