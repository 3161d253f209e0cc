package dev.kubeyard.engine.bundle.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.TestBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {

  @TempDir
  Path tmp;

  private TestBundle bundle() throws IOException {
    return new TestBundle(Files.createDirectories(tmp.resolve("bundle")), "1.35.8")
        .command("kubernetes", "1.35.8", "kube-apiserver", Platform.LINUX_AMD64)
        .command("etcd", "3.6.6", "etcd", Platform.LINUX_AMD64);
  }

  private static List<String> messages(BundleVerifier.Report report) {
    return report.problems().stream().map(BundleProblem::toString).toList();
  }

  @Test
  void acceptsAnIntactBundle() throws IOException {
    Path dir = bundle().write();

    BundleVerifier.Report report = BundleVerifier.verify(dir);

    assertThat(report.problems()).isEmpty();
    assertThat(report.manifest().files()).hasSize(2);
  }

  @Test
  void acceptsABundleGivenAsARelativePath() throws IOException {
    Path dir = bundle().write();
    Path relative = Path.of("").toAbsolutePath().relativize(dir);

    assertThat(relative.isAbsolute()).isFalse();
    assertThat(BundleVerifier.verify(relative).problems()).isEmpty();
  }

  @Test
  void rejectsAFileWithOneByteChanged() throws IOException {
    Path dir = bundle().write();
    Path etcd = dir.resolve("bin/linux-amd64/etcd/etcd");
    byte[] bytes = Files.readAllBytes(etcd);
    bytes[bytes.length - 1] ^= 1;
    Files.write(etcd, bytes);

    BundleVerifier.Report report = BundleVerifier.verify(dir);

    assertThat(messages(report)).singleElement().asString()
        .startsWith("bin/linux-amd64/etcd/etcd: sha256 is ")
        .contains("but manifest.json records", "copy the bundle again");
  }

  @Test
  void rejectsAFileThatWasRemoved() throws IOException {
    Path dir = bundle().write();
    Files.delete(dir.resolve("bin/linux-amd64/kubernetes/kube-apiserver"));

    assertThat(messages(BundleVerifier.verify(dir))).containsExactly(
        "bin/linux-amd64/kubernetes/kube-apiserver: listed in manifest.json but missing; copy the bundle again"
            + " (or extract its .tar.gz again), or rebuild it with 'kubeyard bundle build'");
  }

  @Test
  void rejectsATruncatedFileByItsSize() throws IOException {
    Path dir = bundle().write();
    Files.write(dir.resolve("bin/linux-amd64/etcd/etcd"), new byte[] {1}, StandardOpenOption.APPEND);

    assertThat(messages(BundleVerifier.verify(dir))).singleElement().asString()
        .contains("bin/linux-amd64/etcd/etcd: is 65 bytes but manifest.json records 64");
  }

  @Test
  void rejectsABinaryBuiltForAnotherArchitectureThanListed() throws IOException {
    Path dir = bundle().command("kubernetes", "1.35.8", "kubelet", Platform.LINUX_AMD64, new Platform("linux", "arm64"))
        .write();

    assertThat(messages(BundleVerifier.verify(dir))).containsExactly(
        "bin/linux-amd64/kubernetes/kubelet: is a linux/arm64 executable but manifest.json lists it for linux/amd64;"
            + " replace it with the linux/amd64 build of kubernetes 1.35.8 (rebuild or fetch the bundle for linux/amd64)");
  }

  @Test
  void rejectsAManifestPathThatLeadsOutOfTheBundle() throws IOException {
    Path dir = bundle().write();
    String json = Files.readString(ManifestJson.location(dir))
        .replace("bin/linux-amd64/etcd/etcd", "../outside/etcd");
    Files.writeString(ManifestJson.location(dir), json);

    assertThat(messages(BundleVerifier.verify(dir))).singleElement().asString()
        .startsWith("../outside/etcd: the path leads outside the bundle folder");
  }

  @Test
  void explainsAFolderWithoutManifest() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("not-a-bundle"));

    BundleVerifier.Report report = BundleVerifier.verify(empty);

    assertThat(report.manifest()).isNull();
    assertThat(messages(report)).singleElement().asString()
        .contains("manifest.json is missing", "is not a Kubeyard bundle", "kubeyard bundle build");
  }

  @Test
  void refusesAManifestWithUnknownFields() throws IOException {
    Path dir = bundle().write();
    String json = Files.readString(ManifestJson.location(dir)).replaceFirst("\\{", "{\"extra\": 1,");
    Files.writeString(ManifestJson.location(dir), json);

    assertThat(messages(BundleVerifier.verify(dir))).singleElement().asString()
        .contains("is not a valid bundle manifest", "extra");
  }

  @Test
  void writesTheSameManifestForTheSameFilesInAnyOrder() throws IOException, BundleException {
    Path dir = bundle().write();
    BundleManifest read = ManifestJson.read(dir);
    List<BundleFile> reversedFiles = new java.util.ArrayList<>(read.files());
    java.util.Collections.reverse(reversedFiles);
    BundleManifest reversed = new BundleManifest(read.format(), read.kubernetesVersion(), read.architecture(),
        reversedFiles, read.links(), read.images());

    assertThat(ManifestJson.toJson(reversed)).isEqualTo(ManifestJson.toJson(read));
  }

  @Test
  void acceptsLinksToAListedFileAFolderOrAHostPath() throws IOException {
    Path dir = bundle()
        .link("bin/linux-amd64/etcd/etcd-server", "etcd")
        .link("bin/linux-amd64/etcd-latest", "etcd")
        .link("bin/linux-amd64/etcd/etcd-host", "/usr/bin/etcd")
        .write();

    assertThat(BundleVerifier.verify(dir).problems()).isEmpty();
  }

  @Test
  void rejectsALinkThatWouldDangleOnTheHost() throws IOException {
    Path dir = bundle().link("bin/linux-amd64/etcd/etcd3", "etcd3.6").write();

    assertThat(messages(BundleVerifier.verify(dir))).containsExactly("bin/linux-amd64/etcd/etcd3: links to etcd3.6 but"
        + " the bundle has no bin/linux-amd64/etcd/etcd3.6; copy the bundle again from its source, or rebuild it"
        + " with 'kubeyard bundle build'");
  }
}
