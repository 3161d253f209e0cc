package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.BundleManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds an offline bundle from local sources: Go binaries from their modules, Debian packages from the
 * archive, images with Jib, then manifest.json and the .tar.gz. Every step is cached where it can be, so
 * a second build mostly checks stamps and checksums.
 */
public final class BundleBuilder {

  /**
   * @param sources the Kubeyard git clone (it holds tools/)
   * @param output the bundle folder, or null for the cache's default
   * @param windows also build the Windows node binaries
   * @param archive also write FOLDER.tar.gz
   * @param line the Kubernetes line to build (its Go binaries, addon releases and latest pointer)
   */
  public record Options(Path sources, BundleCache cache, Path output, boolean windows, boolean archive,
      BundleLine line, Consumer<String> progress) {}

  /** What a build made. */
  public record Result(Path folder, Path archive, BundleManifest manifest) {}

  private static final List<BuildStep> STEPS = List.of(
      new BuildGoBinaries(),
      new PlaceGoBinaries(),
      new UnpackDebianPackages(),
      new BuildImages(),
      new BuildGatewayImage(),
      new BuildPostgresImage(),
      new WriteManifest(),
      new ArchiveBundle());

  private BundleBuilder() {}

  public static Result build(Options options) throws BundleException {
    BundleBuild build = new BundleBuild(options);
    int n = 0;
    for (BuildStep step : STEPS) {
      long start = System.nanoTime();
      options.progress().accept("[" + ++n + "/" + STEPS.size() + "] " + step.title());
      try {
        step.run(build);
      } catch (IOException e) {
        throw new BundleException(step.title() + " failed: " + e + "; check disk space and permissions of "
            + options.cache().root() + " and the output folder", e);
      }
      options.progress().accept(String.format(java.util.Locale.ROOT, "      done in %.1f s",
          (System.nanoTime() - start) / 1e9));
    }
    return new Result(build.output, build.archiveFile, build.manifest);
  }
}
