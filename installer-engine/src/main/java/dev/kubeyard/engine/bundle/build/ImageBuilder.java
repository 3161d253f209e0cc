package dev.kubeyard.engine.bundle.build;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Builds a container image from scratch with Jib, without any Docker daemon or registry, and writes
 * it as a docker-archive tar. Timestamps are fixed (the epoch), so the same files give the same image.
 */
public final class ImageBuilder {

  private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");
  private static final FilePermissions READABLE = FilePermissions.fromOctalString("644");

  private final Path layerCache;

  /** @param layerCache where Jib keeps layers between builds (a folder of the Kubeyard cache) */
  public ImageBuilder(Path layerCache) {
    this.layerCache = layerCache;
  }

  /** Builds {@code recipe} for {@code platform} into {@code tar}, replacing it atomically. */
  public void build(ImageRecipe recipe, Platform platform, Path tar) throws BundleException {
    try {
      JibContainerBuilder image = Jib.fromScratch()
          .setPlatforms(Set.of(new com.google.cloud.tools.jib.api.buildplan.Platform(
              platform.architecture(), platform.os())))
          .setCreationTime(Instant.EPOCH)
          .setEntrypoint(recipe.entrypoint())
          .setUser(recipe.user())
          .addLabel("dev.kubeyard.origin", recipe.origin());
      new java.util.TreeMap<>(recipe.environment()).forEach(image::addEnvironmentVariable);
      int n = 0;
      for (List<ImageRecipe.ImageFile> files : recipe.layers()) {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(recipe.component() + "-" + n++);
        for (ImageRecipe.ImageFile f : files) {
          FilePermissions mode = f.mode() != null ? FilePermissions.fromOctalString(f.mode())
              : f.executable() ? EXECUTABLE : READABLE;
          layer.addEntry(f.source(), AbsoluteUnixPath.get(f.target()), mode, FileEntriesLayer.DEFAULT_MODIFICATION_TIME,
              f.owner() == null ? "" : f.owner());
        }
        image.addFileEntriesLayer(layer.build());
      }
      Files.createDirectories(tar.getParent());
      Path partial = tar.resolveSibling(tar.getFileName() + ".tmp");
      image.containerize(Containerizer.to(TarImage.at(partial).named(recipe.reference()))
          .setToolName("kubeyard")
          .setOfflineMode(true)
          .setBaseImageLayersCache(layerCache.resolve("base"))
          .setApplicationLayersCache(layerCache.resolve("application")));
      Files.move(partial, tar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (InvalidImageReferenceException e) {
      throw new BundleException("'" + recipe.reference() + "' is not a valid image name; use name:tag", e);
    } catch (IOException | CacheDirectoryCreationException | RegistryException | ExecutionException e) {
      throw new BundleException("cannot build the " + recipe.component() + " image into " + tar + ": " + e
          + "; check that the files exist and the disk has space", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BundleException("interrupted while building the " + recipe.component() + " image", e);
    }
  }
}
