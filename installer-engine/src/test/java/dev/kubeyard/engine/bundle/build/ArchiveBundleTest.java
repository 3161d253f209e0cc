package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.TestBundle;
import dev.kubeyard.engine.bundle.verify.BundleVerifier;
import dev.kubeyard.engine.files.Sha256;
import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveBundleTest {

  @TempDir
  Path tmp;

  @Test
  void packsABundleThatGnuTarExtractsSilentlyIntoAVerifiedBundle() throws Exception {
    Path bundle = new TestBundle(Files.createDirectories(tmp.resolve("kubeyard-bundle-test")), "1.35.8")
        .command("kubernetes", "1.35.8", "kubelet", Platform.LINUX_AMD64)
        .command("etcd", "3.6.6", "etcd", Platform.LINUX_AMD64)
        .write();
    bundle.resolve("bin/linux-amd64/etcd/etcd").toFile().setExecutable(true, false);

    Path archive = ArchiveBundle.write(bundle);
    Path out = Files.createDirectories(tmp.resolve("extracted"));
    Proc.Result tar = Proc.run(out, "tar", "-xzf", archive.toString());

    assertThat(archive.getFileName()).hasToString("kubeyard-bundle-test.tar.gz");
    assertThat(tar.exit()).as(tar.toString()).isZero();
    assertThat(tar.output()).as("GNU tar prints no warnings").isEmpty();
    Path extracted = out.resolve("kubeyard-bundle-test");
    assertThat(BundleVerifier.verify(extracted).problems()).isEmpty();
    assertThat(Files.isExecutable(extracted.resolve("bin/linux-amd64/etcd/etcd"))).isTrue();
    assertThat(Files.isExecutable(extracted.resolve(BundleManifest.FILE_NAME))).isFalse();
  }

  @Test
  void writesTheSameArchiveForTheSameFiles() throws Exception {
    Path bundle = new TestBundle(Files.createDirectories(tmp.resolve("b")), "1.35.8")
        .command("etcd", "3.6.6", "etcd", Platform.LINUX_AMD64).write();

    String first = Sha256.of(ArchiveBundle.write(bundle));
    Files.setLastModifiedTime(bundle.resolve("bin/linux-amd64/etcd/etcd"), java.nio.file.attribute.FileTime.fromMillis(0));

    assertThat(Sha256.of(ArchiveBundle.write(bundle))).isEqualTo(first);
  }
}
