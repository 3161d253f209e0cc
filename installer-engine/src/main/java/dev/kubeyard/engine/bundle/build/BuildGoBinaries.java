package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs tools/build-go-binaries.sh (cached: a warm run only checks stamps) and reads the list it writes.
 * With Windows workers requested it also builds kubelet, kube-proxy and kubectl for windows/amd64.
 */
final class BuildGoBinaries implements BuildStep {

  @Override
  public String title() {
    return "Go binaries (Kubernetes, etcd, flannel, CoreDNS, metrics-server, MetalLB, pause)";
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
    ExternalCommand.stream(List.of(script.toString()), b.sources,
        Map.of("KUBEYARD_CACHE", b.cache.root().toString(), "GOOS", "linux", "GOARCH", b.platform.architecture()),
        hint, line -> b.progress.accept("  " + line));
    b.goBinaries = GoArtifact.readList(b.cache.goBinaries(b.platform));
    if (b.windows) {
      ExternalCommand.stream(List.of(script.toString()), b.sources,
          Map.of("KUBEYARD_CACHE", b.cache.root().toString(), "GOOS", "windows", "GOARCH", "amd64"),
          hint, line -> b.progress.accept("  " + line));
      b.windowsBinaries = GoArtifact.readList(b.cache.goBinaries(Platform.WINDOWS_AMD64));
    }
    b.kubernetesVersion = b.go("kube-apiserver").version();
  }
}
