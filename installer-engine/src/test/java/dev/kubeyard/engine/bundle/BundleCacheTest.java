package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each line keeps its own pointer to its newest bundle and its own Go list (ADR 33), so building the 1.14
 * line never retargets what the current line's tests, labs and CI use.
 */
class BundleCacheTest {
  @TempDir
  Path root;

  private BundleCache cache;

  @BeforeEach
  void cache() {
    cache = new BundleCache(root);
  }

  /** A bundle folder with a manifest for {@code version}, where a build would write it. */
  private Path built(String version) throws IOException {
    Path bundle = cache.defaultBundle(version, Platform.LINUX_AMD64);
    Files.createDirectories(bundle);
    ManifestJson.write(bundle, BundleManifest.empty(version, "amd64"));
    return bundle;
  }

  private String pointer(String name) throws IOException {
    return Files.readString(cache.bundles().resolve(name)).trim();
  }

  @Test
  void aCurrentLineBuildIsRememberedInLatest() throws IOException {
    Path bundle = built("1.35.8");

    cache.rememberLatest(bundle, "1.35.8");

    assertThat(pointer("latest")).isEqualTo(bundle.toString());
    assertThat(cache.bundles().resolve("latest-1.14")).doesNotExist();
    assertThat(cache.latestBundle()).contains(bundle);
    assertThat(cache.latestBundle("current")).contains(bundle);
    assertThat(cache.latestBundle("1.14")).isEmpty();
  }

  @Test
  void a114BuildIsRememberedInLatest114AndLeavesLatestAlone() throws IOException {
    Path current = built("1.35.8");
    Path legacy = built("1.14.10");
    cache.rememberLatest(current, "1.35.8");

    cache.rememberLatest(legacy, "1.14.10");

    assertThat(pointer("latest")).isEqualTo(current.toString());
    assertThat(pointer("latest-1.14")).isEqualTo(legacy.toString());
    assertThat(cache.latestBundle()).contains(current);
    assertThat(cache.latestBundle("1.14")).contains(legacy);
  }

  @Test
  void aLatestPointerNamingA114BundleIsIgnoredRatherThanFollowed() throws IOException {
    Path legacy = built("1.14.10");
    Files.createDirectories(cache.bundles());
    Files.writeString(cache.bundles().resolve("latest"), legacy + "\n"); // as builds wrote it before ADR 33

    assertThat(cache.latestBundle()).isEmpty();
  }

  @Test
  void aPointerToAFolderWithoutManifestIsNoBundle() throws IOException {
    Files.createDirectories(cache.bundles());
    Files.writeString(cache.bundles().resolve("latest"), root.resolve("gone") + "\n");

    assertThat(cache.latestBundle()).isEmpty();
    assertThat(cache.latestBundle("1.14")).isEmpty();
  }

  @Test
  void eachLineReadsItsOwnGoBinariesList() {
    assertThat(cache.goBinaries(Platform.LINUX_AMD64)).isEqualTo(root.resolve("bin/linux-amd64.tsv"));
    assertThat(cache.goBinaries(Platform.LINUX_AMD64, BundleLine.LEGACY)).isEqualTo(root.resolve("bin/linux-amd64-1.14.tsv"));
    assertThat(cache.goBinaries(Platform.WINDOWS_AMD64, BundleLine.LEGACY))
        .isEqualTo(root.resolve("bin/windows-amd64-1.14.tsv"));
  }

  @Test
  void aLineIsCurrentOr114AndAnythingElseIsRefusedNamingBoth() {
    assertThat(BundleLine.ofVersion("v1.14.10")).isEqualTo(BundleLine.LEGACY);
    assertThat(BundleLine.ofVersion("1.35.8")).isEqualTo(BundleLine.CURRENT);
    assertThat(BundleLine.ofVersion("1.140.0")).isEqualTo(BundleLine.CURRENT);
    assertThatThrownBy(() -> cache.latestBundle("1.15"))
        .hasMessage("unknown Kubernetes line '1.15'; use current or 1.14");
  }
}
