package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.BundleListing;
import dev.kubeyard.engine.bundle.build.BundleBuilder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the bundle on this machine from the Kubeyard sources, Go modules and Debian's archive. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build the offline bundle here: Go binaries from their modules, Debian"
    + " packages, container images, manifest.json and a .tar.gz. Needs Go, apt and the Kubeyard sources.")
final class BundleBuildCommand implements Callable<Integer> {

  @Option(names = {"-o", "--output"}, description = "the bundle folder (default: a folder under $KUBEYARD_CACHE/bundle)")
  Path output;

  @Option(names = "--sources", description = "the Kubeyard git clone holding tools/ (default: found from here)")
  Path sources;

  @Option(names = "--windows", description = "also build kubelet, kube-proxy and kubectl for Windows workers")
  boolean windows;

  @Option(names = "--no-archive", description = "skip writing the .tar.gz")
  boolean noArchive;

  @Option(names = "--line", defaultValue = "current", converter = LineConverter.class,
      description = "the Kubernetes line: current (default; remembered in bundle/latest) or 1.14 (Kubernetes"
          + " 1.14.10 and its addons, remembered in bundle/latest-1.14)")
  BundleLine line;

  /** Turns picocli's text into a line; the exception's message is what the user sees. */
  static final class LineConverter implements CommandLine.ITypeConverter<BundleLine> {
    @Override
    public BundleLine convert(String value) {
      try {
        return BundleLine.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    Path root = sources != null ? sources : findSources();
    if (root == null) {
      System.err.println("cannot find the Kubeyard sources (a folder with tools/build-go-binaries.sh) above "
          + Path.of("").toAbsolutePath() + "; pass --sources DIR");
      return 1;
    }
    BundleCache cache = BundleCache.fromEnvironment();
    try {
      BundleBuilder.Result result = BundleBuilder.build(new BundleBuilder.Options(root, cache, output,
          windows, !noArchive, line, System.out::println));
      System.out.println();
      System.out.print(BundleListing.render(result.manifest(), false));
      System.out.println("\nbundle: " + result.folder() + (result.archive() == null ? "" : "\narchive: " + result.archive()));
      return 0;
    } catch (BundleException e) {
      System.err.println("bundle build failed: " + e.getMessage());
      return 1;
    }
  }

  /** The clone that holds this program, or one above the working folder. */
  static Path findSources() {
    try {
      Path jar = Path.of(BundleBuildCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path start : new Path[] {Path.of("").toAbsolutePath(), jar}) {
        for (Path p = start; p != null; p = p.getParent()) {
          if (Files.isExecutable(p.resolve("tools/build-go-binaries.sh"))) {
            return p;
          }
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
    return null;
  }
}
