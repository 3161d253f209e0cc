package dev.kubeyard.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.BundleLink;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.engine.plan.BundleContent;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.RepoRoot;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleForPlanTest {
  private static BundleFile file(String path, String component, List<String> provides) {
    return new BundleFile(path, component, "1", "linux", "amd64", path.hashCode() + "sha", 1, Source.DEBIAN, "o", provides);
  }

  private static final BundleManifest MANIFEST = new BundleManifest(BundleManifest.FORMAT, "1.35.8", "amd64",
      List.of(file("bin/linux-amd64/kubernetes/kubernetes", "kubernetes", List.of("kubelet", "kubectl")),
          file("debian/haproxy/usr/sbin/haproxy", "haproxy", List.of("haproxy")),
          file("debian/liblua5.3-0/usr/lib/x86_64-linux-gnu/liblua5.3.so.0.0.0", "liblua5.3-0", List.of()),
          file("debian/libnl-3-200/lib/x86_64-linux-gnu/libnl-3.so.200.26.0", "libnl-3-200", List.of()),
          file("debian/haproxy/usr/share/doc/haproxy/copyright", "haproxy", List.of())),
      List.of(new BundleLink("debian/liblua5.3-0/usr/lib/x86_64-linux-gnu/liblua5.3.so.0", "liblua5.3.so.0.0.0",
          "liblua5.3-0", "o")),
      List.of(new BundleImage("images/pause-1.0.0-linux-amd64.tar", "kubeyard.local/pause:1.0.0", "pause", "1.0.0",
          "linux", "amd64", "psha", 1, Source.DEBIAN, "o")));

  @Test
  void everyCommandPointsIntoTheLinkedBundleFolderWithItsSha256() {
    BundleContent c = BundleForPlan.of(MANIFEST);
    assertThat(c.kubernetesVersion()).isEqualTo("1.35.8");
    assertThat(c.commands().get("kubelet").source()).isEqualTo("bundle/bin/linux-amd64/kubernetes/kubernetes");
    assertThat(c.commands().get("kubelet").fileName()).isEqualTo("kubernetes");
    assertThat(c.commands().get("haproxy").sha256()).isEqualTo("debian/haproxy/usr/sbin/haproxy".hashCode() + "sha");
  }

  @Test
  void librariesArePlacedUnderTheSonameTheirLinkGivesAndUnderTheirOwnName() {
    BundleContent c = BundleForPlan.of(MANIFEST);
    assertThat(c.libraries()).extracting(BundleContent.Library::soname)
        .containsExactlyInAnyOrder("liblua5.3.so.0", "liblua5.3.so.0.0.0", "libnl-3.so.200.26.0");
    BundleContent.Library soname = c.libraries().stream().filter(l -> l.soname().equals("liblua5.3.so.0")).findFirst().orElseThrow();
    assertThat(soname.source()).isEqualTo("bundle/debian/liblua5.3-0/usr/lib/x86_64-linux-gnu/liblua5.3.so.0.0.0");
  }

  @Test
  void aSpecOfEachLineInstallsFromThatLinesNewestBundleAndNeverFromTheOthers(@TempDir Path dir) throws Exception {
    BundleCache cache = new BundleCache(dir.resolve("cache"));
    Path current = built(dir, "1.35.8");
    Path legacy = built(dir, "1.14.10");
    String example = Files.readString(RepoRoot.path().resolve("resources/examples/cluster.yaml"));
    ClusterFacts facts114 = facts(dir, example);
    ClusterFacts facts135 = facts(dir, example.replaceFirst("(?m)^  version: 1\\.14\\.10", "  version: 1.35.8"));
    assertThat(facts114.version()).hasToString("1.14.10");
    assertThat(facts135.version()).hasToString("1.35.8");

    cache.rememberLatest(current, "1.35.8");
    assertThat(BundleForPlan.locate(null, facts135, cache)).contains(current);
    assertThat(BundleForPlan.locate(null, facts114, cache)).as("no 1.14 bundle built yet").isEmpty();

    cache.rememberLatest(legacy, "1.14.10");
    assertThat(BundleForPlan.locate(null, facts114, cache)).contains(legacy);
    assertThat(BundleForPlan.locate(null, facts135, cache)).contains(current);
    assertThat(BundleForPlan.locate(dir, facts114, cache)).as("a bundle given is used as given").contains(dir);
  }

  /** A bundle folder with a manifest, where a build of {@code version} writes it. */
  private static Path built(Path dir, String version) throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("cache/bundle/kubeyard-bundle-" + version + "-linux-amd64"));
    ManifestJson.write(bundle, BundleManifest.empty(version, "amd64"));
    return bundle;
  }

  private static ClusterFacts facts(Path dir, String spec) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "cluster", ".yaml"), spec);
    return ClusterFacts.of(Validator.load(file).spec());
  }

  @Test
  void imagesKeepTheReferenceTheManifestsUse() {
    assertThat(BundleForPlan.of(MANIFEST).images().get("pause").reference()).isEqualTo("kubeyard.local/pause:1.0.0");
  }
}
