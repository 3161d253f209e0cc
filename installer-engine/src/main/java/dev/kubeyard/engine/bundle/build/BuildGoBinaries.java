package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs tools/build-go-binaries.sh (cached: a warm run only checks stamps) and reads the list it writes.
 * With Windows workers requested it also builds kubelet, kube-proxy and kubectl for windows/amd64. The line
 * ({@code bundle build --line}) reaches the script as KUBEYARD_KUBERNETES_LINE, and the lists it writes are
 * per line (bin/linux-amd64.tsv, bin/linux-amd64-1.14.tsv), so one line's build never feeds the other's.
 */
final class BuildGoBinaries implements BuildStep {
  /** What tools/build-go-binaries.sh reads to choose the line; its list's name follows it. */
  static final String LINE_VARIABLE = "KUBEYARD_KUBERNETES_LINE";

  @Override
  public String title() {
    return "Go binaries (Kubernetes, etcd, flannel, CoreDNS, metrics-server, MetalLB, kube-router, pause)";
  }

  @Override
  public void run(BundleBuild b) throws BundleException {
    Path script = b.sources.resolve("tools/build-go-binaries.sh");
    if (!Files.isExecutable(script)) {
      throw new BundleException(script + " is missing; 'kubeyard bundle build' needs the Kubeyard sources"
          + " (pass --sources DIR, the folder of the git clone)");
    }
    String hint = "see the Go error above; tools/k8s-builder/build.sh and tools/go-components/build.sh can be run"
        + " on their own to retry one component";
    run(b, script, "linux", b.platform.architecture(), hint);
    b.goBinaries = GoArtifact.readList(b.cache.goBinaries(b.platform, b.line));
    if (b.windows) {
      run(b, script, "windows", "amd64", hint);
      b.windowsBinaries = GoArtifact.readList(b.cache.goBinaries(Platform.WINDOWS_AMD64, b.line));
    }
    b.kubernetesVersion = b.go("kube-apiserver").version();
    if (BundleLine.ofVersion(b.kubernetesVersion) != b.line) {
      throw new BundleException(b.cache.goBinaries(b.platform, b.line) + " lists kube-apiserver "
          + b.kubernetesVersion + ", not the " + b.line + " line asked for; run tools/build-go-binaries.sh with"
          + " KUBEYARD_KUBERNETES_LINE=" + b.line + " to see why it built another line");
    }
  }

  private static void run(BundleBuild b, Path script, String os, String architecture, String hint)
      throws BundleException {
    ExternalCommand.stream(List.of(script.toString()), b.sources, Map.of("KUBEYARD_CACHE", b.cache.root().toString(),
        "GOOS", os, "GOARCH", architecture, LINE_VARIABLE, b.line.optionValue()),
        hint, line -> b.progress.accept("  " + line));
  }
}
