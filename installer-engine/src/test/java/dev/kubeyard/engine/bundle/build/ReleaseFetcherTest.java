package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.engine.bundle.Specs;
import dev.kubeyard.engine.bundle.TestBundle;
import dev.kubeyard.engine.bundle.verify.BundleVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real downloads over loopback from a release server with dl.k8s.io's layout. */
class ReleaseFetcherTest {

  private static final String VERSION = "1.14.10";
  private static final String LINUX = "/v1.14.10/bin/linux/amd64/";

  @TempDir
  Path tmp;

  private ReleaseServer server;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void publishRelease() throws Exception {
    server = new ReleaseServer();
    Random random = new Random(1);
    for (String command : ReleaseFetcher.commands(Platform.LINUX_AMD64)) {
      server.publish(LINUX + command, binary(TestBundle.elf("amd64"), 512 * 1024 + command.length(), random));
    }
    for (String command : ReleaseFetcher.commands(Platform.WINDOWS_AMD64)) {
      server.publish("/v1.14.10/bin/windows/amd64/" + command + ".exe", binary(TestBundle.pe("amd64"), 64 * 1024, random));
    }
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static byte[] binary(byte[] header, int size, Random random) {
    byte[] content = new byte[size];
    random.nextBytes(content);
    System.arraycopy(header, 0, content, 0, header.length);
    return content;
  }

  private BundleManifest fetch(Platform... platforms) throws BundleException {
    return ReleaseFetcher.fetch(new ReleaseFetcher.Request(server.base(), VERSION, List.of(platforms),
        tmp.resolve("bundle"), progress::add, ReleaseFetcher.STALL_TIMEOUT));
  }

  @Test
  void fetchesTheReleaseFilesIntoAVerifiedBundle() throws Exception {
    BundleManifest manifest = fetch(Platform.LINUX_AMD64);

    assertThat(manifest.kubernetesVersion()).isEqualTo(VERSION);
    assertThat(manifest.files()).hasSize(6).allSatisfy(f -> {
      assertThat(f.source()).isEqualTo(Source.OFFICIAL_RELEASE);
      assertThat(f.origin()).startsWith(server.base() + LINUX);
    });
    assertThat(manifest.fileProviding("kube-apiserver", Platform.LINUX_AMD64)).get()
        .extracting(BundleFile::path).isEqualTo("bin/linux-amd64/kubernetes/kube-apiserver");
    assertThat(BundleVerifier.verify(tmp.resolve("bundle")).problems()).isEmpty();
    assertThat(Files.isExecutable(tmp.resolve("bundle/bin/linux-amd64/kubernetes/kubelet"))).isTrue();
  }

  @Test
  void resumesADownloadWhoseConnectionDropped() throws Exception {
    server.dropNextDownload(LINUX + "kube-apiserver", 300_000);

    fetch(Platform.LINUX_AMD64);

    assertThat(server.requests()).filteredOn(r -> r.path().equals(LINUX + "kube-apiserver"))
        .extracting(ReleaseServer.Request::range).containsExactly(null, "bytes=300000-");
    assertThat(progress).anySatisfy(line -> assertThat(line).contains("connection lost after 300000 bytes"));
    assertThat(BundleVerifier.verify(tmp.resolve("bundle")).problems()).isEmpty();
  }

  @Test
  void resumesADownloadThatStalled() throws Exception {
    server.stallNextDownload(LINUX + "kube-proxy", 150_000);

    ReleaseFetcher.fetch(new ReleaseFetcher.Request(server.base(), VERSION, List.of(Platform.LINUX_AMD64),
        tmp.resolve("bundle"), progress::add, java.time.Duration.ofSeconds(1)));

    assertThat(server.requests()).filteredOn(r -> r.path().equals(LINUX + "kube-proxy"))
        .extracting(ReleaseServer.Request::range).containsExactly(null, "bytes=150000-");
    assertThat(progress).anySatisfy(line -> assertThat(line).contains("no data for 1 s"));
    assertThat(BundleVerifier.verify(tmp.resolve("bundle")).problems()).isEmpty();
  }

  @Test
  void resumesAPartialFileLeftByAnEarlierRun() throws Exception {
    Path part = tmp.resolve("bundle/bin/linux-amd64/kubernetes/kubelet.part");
    Files.createDirectories(part.getParent());
    byte[] kubelet = download(LINUX + "kubelet");
    Files.write(part, java.util.Arrays.copyOf(kubelet, 100_000));

    fetch(Platform.LINUX_AMD64);

    assertThat(server.requests()).filteredOn(r -> r.path().equals(LINUX + "kubelet"))
        .extracting(ReleaseServer.Request::range).containsExactly(null, "bytes=100000-"); // the test's, the fetcher's
    assertThat(Files.readAllBytes(tmp.resolve("bundle/bin/linux-amd64/kubernetes/kubelet"))).isEqualTo(kubelet);
    assertThat(part).doesNotExist();
  }

  @Test
  void startsOverWhenTheServerIgnoresRange() throws Exception {
    server.ignoreRangeRequests();
    server.dropNextDownload(LINUX + "kubectl", 200_000);

    fetch(Platform.LINUX_AMD64);

    assertThat(server.requests()).filteredOn(r -> r.path().equals(LINUX + "kubectl")).hasSize(2);
    assertThat(BundleVerifier.verify(tmp.resolve("bundle")).problems()).isEmpty();
  }

  @Test
  void refusesAFileThatDoesNotMatchItsPublishedChecksum() {
    server.publishChecksum(LINUX + "kube-scheduler", "0".repeat(64));

    assertThatThrownBy(() -> fetch(Platform.LINUX_AMD64)).isInstanceOf(BundleException.class)
        .hasMessageContaining(server.base() + LINUX + "kube-scheduler: SHA-256 is ")
        .hasMessageContaining("says " + "0".repeat(64))
        .hasMessageContaining("it was deleted; run the fetch again");
    assertThat(tmp.resolve("bundle/bin/linux-amd64/kubernetes/kube-scheduler")).doesNotExist();
    assertThat(tmp.resolve("bundle/bin/linux-amd64/kubernetes/kube-scheduler.part")).doesNotExist();
    assertThat(ManifestJson.exists(tmp.resolve("bundle"))).isFalse();
  }

  @Test
  void namesTheMissingReleaseWhenTheVersionDoesNotExist() {
    assertThatThrownBy(() -> ReleaseFetcher.fetch(new ReleaseFetcher.Request(server.base(), "1.14.99",
        List.of(Platform.LINUX_AMD64), tmp.resolve("bundle"), progress::add, ReleaseFetcher.STALL_TIMEOUT)))
        .hasMessageContaining("/v1.14.99/bin/linux/amd64/kube-apiserver has no published .sha256 or .sha512");
  }

  @Test
  void addsWindowsBinariesThatASpecWithWindowsWorkersNeeds() throws Exception {
    BundleManifest manifest = fetch(Platform.LINUX_AMD64, Platform.WINDOWS_AMD64);

    assertThat(manifest.fileProviding("kubelet", Platform.WINDOWS_AMD64)).get()
        .extracting(BundleFile::path).isEqualTo("bin/windows-amd64/kubernetes/kubelet.exe");
    assertThat(BundleVerifier.verify(tmp.resolve("bundle")).problems()).isEmpty();
    List<String> windowsProblems = BundleVerifier.verify(tmp.resolve("bundle"), Specs.cluster(VERSION, true))
        .problems().stream().map(BundleProblem::toString).filter(p -> p.contains("windows")).toList();
    assertThat(windowsProblems).isEmpty();
  }

  private byte[] download(String path) throws Exception {
    try (var in = server.base().resolve(path).toURL().openStream()) {
      return in.readAllBytes();
    }
  }
}
