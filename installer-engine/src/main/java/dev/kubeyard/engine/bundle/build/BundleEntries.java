package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.engine.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Describes a file already placed in a bundle folder: measures its size and checksum. */
public final class BundleEntries {
  private BundleEntries() {}

  /** Manifest paths always use forward slashes, whatever the OS that wrote them. */
  public static String relative(Path bundle, Path file) {
    return bundle.relativize(file).toString().replace('\\', '/');
  }

  public static BundleFile file(Path bundle, Path file, String component, String version, Platform platform,
      Source source, String origin, List<String> provides) throws IOException {
    return new BundleFile(relative(bundle, file), component, version, platform.os(), platform.architecture(),
        Sha256.of(file), Files.size(file), source, origin, provides);
  }

  /**
   * Copies an image built into the Kubeyard cache ({@code cached}) to the bundle's images/ folder as
   * {@code archiveName}, lists it as built here and says so.
   */
  static void addCachedImage(BundleBuild b, Path cached, String archiveName, String reference, String component,
      String version, String origin) throws IOException {
    Path tar = b.output.resolve("images").resolve(archiveName);
    Files.createDirectories(tar.getParent());
    Files.copy(cached, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    b.images.add(image(b.output, tar, reference, component, version, b.platform, Source.BUILT, origin));
    b.progress.accept("  " + reference + " -> " + b.output.relativize(tar));
  }

  public static BundleImage image(Path bundle, Path tar, String reference, String component, String version,
      Platform platform, Source source, String origin) throws IOException {
    return new BundleImage(relative(bundle, tar), reference, component, version, platform.os(),
        platform.architecture(), Sha256.of(tar), Files.size(tar), source, origin);
  }
}
