package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.BundleRequirements;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.model.version.KubernetesVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Downloads official Kubernetes release binaries into a bundle, for users with internet access (and
 * for 1.14, which cannot be built here). The server has dl.k8s.io's layout:
 * BASE/vVERSION/bin/OS/ARCH/NAME beside NAME.sha256 (or NAME.sha512). Each file is checked against its
 * published checksum and listed in manifest.json with source official-release.
 */
public final class ReleaseFetcher {

  public static final URI OFFICIAL = URI.create("https://dl.k8s.io");

  /**
   * @param base the release server, e.g. https://dl.k8s.io
   * @param version the Kubernetes version, e.g. 1.14.10
   * @param platforms linux/amd64, and windows/amd64 for Windows workers
   * @param bundle the bundle folder to add them to (created when new)
   * @param stallTimeout how long without data before a download is resumed
   */
  public record Request(URI base, String version, List<Platform> platforms, Path bundle, Consumer<String> progress,
      Duration stallTimeout) {

    public Request(URI base, String version, List<Platform> platforms, Path bundle, Consumer<String> progress) {
      this(base, version, platforms, bundle, progress, STALL_TIMEOUT);
    }
  }

  /** How long a download may go without data before it is treated as interrupted and resumed. */
  public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

  private ReleaseFetcher() {}

  public static BundleManifest fetch(Request r) throws BundleException {
    String version = KubernetesVersion.parse(r.version()).map(Object::toString).orElseThrow(() ->
        new BundleException("'" + r.version() + "' is not a Kubernetes version; use for example 1.14.10"));
    BundleManifest existing = existingManifest(r.bundle(), version, r.platforms());
    ResumableDownload download = new ResumableDownload(r.stallTimeout(), r.progress());
    List<BundleFile> fetched = new ArrayList<>();
    try {
      for (Platform p : r.platforms()) {
        for (String command : commands(p)) {
          String name = p.isWindows() ? command + ".exe" : command;
          URI uri = URI.create(stripSlash(r.base()) + "/v" + version + "/bin/" + p.os() + "/" + p.architecture() + "/" + name);
          Path target = r.bundle().resolve("bin").resolve(p.folder()).resolve("kubernetes").resolve(name);
          r.progress().accept("fetching " + uri);
          download.fetch(uri, target, checksum(download, uri));
          fetched.add(BundleEntries.file(r.bundle(), target, "kubernetes", version, p, Source.OFFICIAL_RELEASE,
              uri.toString(), List.of(command)));
        }
      }
      BundleManifest merged = existing.withKubernetesVersion(version).replacingFiles(
          f -> f.component().equals("kubernetes") && r.platforms().contains(f.platform()), fetched);
      ManifestJson.write(r.bundle(), merged);
      return merged;
    } catch (IOException e) {
      throw new BundleException("cannot update " + ManifestJson.location(r.bundle()) + ": " + e.getMessage(), e);
    }
  }

  /** Kubernetes' own binaries for a platform: everything on Linux, the node's part on Windows. */
  static List<String> commands(Platform p) {
    if (p.isWindows()) {
      return List.of("kubelet", "kube-proxy", "kubectl");
    }
    List<String> all = new ArrayList<>(BundleRequirements.CONTROL_PLANE);
    all.addAll(BundleRequirements.NODE);
    return all;
  }

  /** The bundle's manifest, or a new one; refuses to mix Kubernetes versions across platforms. */
  private static BundleManifest existingManifest(Path bundle, String version, List<Platform> platforms)
      throws BundleException {
    if (!ManifestJson.exists(bundle)) {
      return BundleManifest.empty(version, BundleRequirements.HOST_ARCHITECTURE);
    }
    BundleManifest m = ManifestJson.read(bundle);
    boolean otherKubernetesStays = m.files().stream().anyMatch(f -> f.component().equals("kubernetes")
        && !platforms.contains(f.platform()) && !f.version().equals(version));
    if (otherKubernetesStays) {
      throw new BundleException(bundle + " carries Kubernetes " + m.kubernetesVersion() + " for platforms this fetch"
          + " does not replace; fetch " + version + " for every platform the bundle has (--platform), or fetch "
          + m.kubernetesVersion() + " instead");
    }
    return m;
  }

  /** The published .sha256 (or, failing that, .sha512) next to a release file. */
  private static ResumableDownload.Checksum checksum(ResumableDownload download, URI file) throws BundleException {
    for (String algorithm : List.of("SHA-256", "SHA-512")) {
      URI uri = URI.create(file + "." + algorithm.replace("-", "").toLowerCase(Locale.ROOT));
      try {
        String body = download.text(uri);
        if (body != null) {
          String hex = body.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
          if (!hex.matches("[0-9a-f]{" + (algorithm.equals("SHA-256") ? 64 : 128) + "}")) {
            throw new BundleException(uri + " does not hold a " + algorithm + " checksum; check --from");
          }
          return new ResumableDownload.Checksum(algorithm, hex, uri);
        }
      } catch (IOException e) {
        throw new BundleException("cannot read " + uri + ": " + e.getMessage() + "; check --from and the network", e);
      }
    }
    throw new BundleException(file + " has no published .sha256 or .sha512 beside it, so it cannot be verified;"
        + " check --from and --version");
  }

  private static String stripSlash(URI base) {
    String s = base.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
