package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * An image tar in the Kubeyard cache with the digest of its inputs in a stamp beside it (the gateway's,
 * GitLab's PostgreSQL): built again only when an input changed.
 */
final class StampedImage {
  private StampedImage() {}

  private static final String NSSWITCH = "passwd: files\ngroup: files\nhosts: files dns\n";

  /** COMPONENT-VERSION-linux-amd64.tar: the image's file name in the cache and in the bundle. */
  static String archiveName(String component, String version) {
    return component + "-" + version + "-" + Platform.LINUX_AMD64.folder() + ".tar";
  }

  /** Where the image is written: images/ of the Kubeyard cache. */
  static Path tar(BundleCache cache, String component, String version) {
    return cache.root().resolve("images").resolve(archiveName(component, version));
  }

  /** The image's own passwd and group, and an nsswitch.conf that reads them, written into {@code etc}. */
  static void writeAccounts(Path etc, String passwd, String group) throws IOException {
    Files.createDirectories(etc);
    Files.writeString(etc.resolve("passwd"), passwd, StandardCharsets.UTF_8);
    Files.writeString(etc.resolve("group"), group, StandardCharsets.UTF_8);
    Files.writeString(etc.resolve("nsswitch.conf"), NSSWITCH, StandardCharsets.UTF_8);
  }

  static Path stamp(Path tar) {
    return tar.resolveSibling(tar.getFileName() + ".inputs-sha256");
  }

  /** Whether {@code tar} exists and was built from {@code inputs}. */
  static boolean upToDate(Path tar, String inputs) throws IOException {
    return Files.isRegularFile(tar) && Files.isRegularFile(stamp(tar)) && Files.readString(stamp(tar)).strip().equals(inputs);
  }

  /** The recipe's scratch folder images/work/COMPONENT-VERSION of the cache, emptied. */
  static Path emptyWorkFolder(BundleCache cache, String component, String version) throws IOException {
    Path work = cache.root().resolve("images/work").resolve(component + "-" + version);
    DebianTree.deleteTree(work);
    return Files.createDirectories(work);
  }

  /** Builds {@code recipe} into {@code tar}, then stamps it with {@code inputs} and says how long it took. */
  static void buildAndStamp(BundleCache cache, ImageRecipe recipe, Path tar, String inputs, long startNanos,
      Consumer<String> progress) throws BundleException, IOException {
    new ImageBuilder(cache.jibLayers()).build(recipe, Platform.LINUX_AMD64, tar);
    Files.writeString(stamp(tar), inputs + "\n");
    progress.accept(String.format(java.util.Locale.ROOT, "image %s: built %s (%d MiB) in %.1f s", recipe.reference(),
        tar, Files.size(tar) >> 20, (System.nanoTime() - startNanos) / 1e9));
  }
}
