package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.ManifestJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's cluster.yaml names the version of its line's newest bundle, so `apply` finds that bundle. */
class LabLineTest {

  private static void built(BundleCache cache, Path dir, String version) throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("bundle/kubeyard-bundle-" + version + "-linux-amd64"));
    ManifestJson.write(bundle, BundleManifest.empty(version, "amd64"));
    cache.rememberLatest(bundle, version);
  }

  @Test
  void aLabOfEachLineNamesThatLinesBundleVersion(@TempDir Path dir) throws Exception {
    BundleCache cache = new BundleCache(dir);
    built(cache, dir, "1.35.8");
    built(cache, dir, "1.14.10");
    assertThat(Lab.kubernetesVersion(cache, BundleLine.CURRENT)).isEqualTo("1.35.8");
    assertThat(Lab.kubernetesVersion(cache, BundleLine.LEGACY)).isEqualTo("1.14.10");
  }

  @Test
  void withoutAnyBundleTheCurrentLineNamesItsReleaseButA114LabIsRefusedWithTheBuildToRun(@TempDir Path dir) {
    BundleCache cache = new BundleCache(dir);
    assertThat(Lab.kubernetesVersion(cache, BundleLine.CURRENT)).isEqualTo(Lab.KUBERNETES_VERSION);
    assertThatThrownBy(() -> Lab.kubernetesVersion(cache, BundleLine.LEGACY)).isInstanceOf(LabException.class)
        .hasMessageContaining("no Kubernetes 1.14 bundle")
        .satisfies(e -> assertThat(((LabException) e).hint()).contains("kubeyard bundle build --line 1.14"));
  }
}
