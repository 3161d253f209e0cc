package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleListing;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.build.ReleaseFetcher;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Adds official Kubernetes release binaries to a bundle, resuming interrupted downloads. */
@Command(name = "fetch", description = "Download the official Kubernetes binaries (dl.k8s.io layout) into a bundle,"
    + " checking each against its published checksum; an interrupted download resumes where it stopped.")
final class BundleFetchCommand implements Callable<Integer> {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Option(names = "--from", description = "the release server (default: ${DEFAULT-VALUE})", defaultValue = "https://dl.k8s.io")
  URI from;

  @Option(names = "--version", required = true, description = "the Kubernetes version, e.g. 1.14.10")
  String version;

  @Option(names = "--platform", description = "OS/ARCH to fetch, repeatable (default: linux/amd64)")
  List<String> platforms = new ArrayList<>();

  @Option(names = "--windows", description = "also fetch kubelet, kube-proxy and kubectl for windows/amd64")
  boolean windows;

  @Option(names = {"-o", "--output"}, description = "the bundle folder to add them to (default: a folder under"
      + " $KUBEYARD_CACHE/bundle)")
  Path output;

  @Override
  public Integer call() {
    List<Platform> wanted = new ArrayList<>();
    try {
      platforms.forEach(p -> wanted.add(Platform.parse(p)));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    if (wanted.isEmpty()) {
      wanted.add(Platform.LINUX_AMD64);
    }
    if (windows && !wanted.contains(Platform.WINDOWS_AMD64)) {
      wanted.add(Platform.WINDOWS_AMD64);
    }
    Path bundle = output != null ? output
        : BundleCache.fromEnvironment().defaultBundle(version.replaceFirst("^v", ""), Platform.LINUX_AMD64);
    try {
      BundleManifest manifest = ReleaseFetcher.fetch(new ReleaseFetcher.Request(from, version, List.copyOf(wanted),
          bundle, System.out::println));
      System.out.print(BundleListing.render(manifest, false));
      System.out.println("bundle: " + bundle);
      return 0;
    } catch (BundleException e) {
      System.err.println("bundle fetch failed: " + e.getMessage());
      return 1;
    }
  }
}
