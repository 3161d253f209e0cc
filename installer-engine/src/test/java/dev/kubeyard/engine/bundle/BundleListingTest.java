package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleListingTest {

  @TempDir
  Path tmp;

  private BundleManifest manifest() throws Exception {
    Path dir = new TestBundle(Files.createDirectories(tmp.resolve("b")), "1.35.8")
        .command("kubernetes", "1.35.8", "kubelet", Platform.LINUX_AMD64)
        .command("kubernetes", "1.35.8", "kubectl", Platform.LINUX_AMD64)
        .command("kubernetes", "1.35.8", "kubelet", Platform.WINDOWS_AMD64)
        .image("pause", Platform.LINUX_AMD64, Platform.LINUX_AMD64, Files.createDirectories(tmp.resolve("c/jib")))
        .write();
    return ManifestJson.read(dir);
  }

  @Test
  void summarisesOneLinePerComponentAndPlatform() throws Exception {
    String text = BundleListing.render(manifest(), false);

    assertThat(text.lines()).first().asString().startsWith("Kubernetes 1.35.8 for amd64 hosts: 3 files, 1 images, ");
    assertThat(text).contains("kubernetes  1.35.8   linux/amd64    2      128 B  go-module  kubectl,kubelet")
        .contains("kubernetes  1.35.8   windows/amd64  1")
        .contains("kubeyard.local/pause:1.0.0  linux/amd64");
  }

  @Test
  void listsEveryFileOnRequest() throws Exception {
    String text = BundleListing.render(manifest(), true);

    assertThat(text).contains("bin/linux-amd64/kubernetes/kubectl ", "bin/linux-amd64/kubernetes/kubelet ",
        "bin/windows-amd64/kubernetes/kubelet.exe ");
  }
}
