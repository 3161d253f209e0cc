package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * Prepares the output folder and copies the Go binaries that run on hosts into bin/OS-ARCH/COMPONENT/.
 * The multi-call Kubernetes binary is one file that provides six commands; the installer links the
 * names on each host. CoreDNS, metrics-server, Traefik, MetalLB and pause only ever run in their images, so
 * they are not copied as host files.
 */
final class PlaceGoBinaries implements BuildStep {

  /** By the commands a build provides, not its component: each line has its own components (coredns-1.6, ...). */
  static final Set<String> IMAGE_ONLY = Set.of("coredns", "metrics-server", "pause", "traefik", "metallb-controller",
      "metallb-speaker");

  @Override
  public String title() {
    return "place the Go binaries in the bundle";
  }

  @Override
  public void run(BundleBuild b) throws BundleException, IOException {
    b.output = b.requestedOutput != null ? b.requestedOutput : b.cache.defaultBundle(b.kubernetesVersion, b.platform);
    emptyOutput(b.output);
    place(b, b.goBinaries, b.platform);
    place(b, b.windowsBinaries, Platform.WINDOWS_AMD64);
  }

  private static void place(BundleBuild b, List<GoArtifact> artifacts, Platform platform) throws IOException {
    for (GoArtifact a : artifacts) {
      if (IMAGE_ONLY.containsAll(a.provides())) {
        continue;
      }
      Path target = b.output.resolve("bin").resolve(platform.folder()).resolve(a.component())
          .resolve(a.file().getFileName().toString());
      Files.createDirectories(target.getParent());
      Files.copy(a.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      b.files.add(BundleEntries.file(b.output, target, a.component(), a.version(), platform, a.source(), a.origin(),
          a.provides()));
    }
  }

  /** Starts from an empty folder, but only ever deletes an earlier bundle, never an unrelated folder. */
  static void emptyOutput(Path output) throws BundleException, IOException {
    if (Files.isDirectory(output)) {
      boolean empty;
      try (var entries = Files.list(output)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !ManifestJson.exists(output)) {
        throw new BundleException(output + " is not empty and holds no manifest.json, so it is not an earlier"
            + " bundle; choose an empty or new folder with --output");
      }
      DebianTree.deleteTree(output);
    }
    Files.createDirectories(output);
  }
}
