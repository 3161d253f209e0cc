package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.BundleLink;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The state one bundle build shares between its steps: where things go and what has been made so far. */
final class BundleBuild {

  final Path sources;
  final BundleCache cache;
  final Path requestedOutput;
  final boolean windows;
  final boolean archive;
  final BundleLine line;
  final Consumer<String> progress;
  final Platform platform = Platform.LINUX_AMD64;

  List<GoArtifact> goBinaries = List.of();
  List<GoArtifact> windowsBinaries = List.of();
  List<DebianTree> flannelRootfs = List.of();
  List<DebianTree> kubeRouterRootfs = List.of();
  /** Empty unless the build unpacked Redis (a test's build, without apt, leaves the image out). */
  List<DebianTree> redisRootfs = List.of();
  Path emptyDir;
  String kubernetesVersion;
  Path output;
  Path archiveFile;
  BundleManifest manifest;
  final List<BundleFile> files = new ArrayList<>();
  final List<BundleLink> links = new ArrayList<>();
  final List<BundleImage> images = new ArrayList<>();

  BundleBuild(BundleBuilder.Options options) {
    this.sources = options.sources();
    this.cache = options.cache();
    this.requestedOutput = options.output();
    this.windows = options.windows();
    this.archive = options.archive();
    this.line = options.line();
    this.progress = options.progress();
  }

  GoArtifact go(String command) throws BundleException {
    return GoArtifact.find(goBinaries, command);
  }
}
