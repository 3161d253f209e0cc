package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleListing;
import dev.kubeyard.engine.bundle.ManifestJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints what a bundle holds, from its manifest (use verify to check the files themselves). */
@Command(name = "list", description = "Show the components (or, with --files, every file) and images of a bundle.")
final class BundleListCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "the bundle folder (holding manifest.json)")
  Path bundle;

  @Option(names = "--files", description = "one line per file instead of one per component")
  boolean everyFile;

  @Override
  public Integer call() {
    try {
      System.out.print(BundleListing.render(ManifestJson.read(bundle), everyFile));
      return 0;
    } catch (BundleException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
