package dev.kubeyard.engine.bundle.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BuiltBundle;
import dev.kubeyard.engine.bundle.Specs;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'kubeyard bundle verify' on the bundle tools/build-bundle.sh built. Damage is done to a shadow copy:
 * links to the real files, with the one file under test copied (or left out).
 */
@Tag(BuiltBundle.TAG)
class BuiltBundleVerifyTest {

  @TempDir
  Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run kubeyard(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** Links every listed file and image of the built bundle into a new folder, except {@code own}, which is copied. */
  private Path shadow(String own, boolean leaveOut) throws IOException {
    Path real = BuiltBundle.folder();
    Path copy = Files.createDirectories(tmp.resolve("bundle"));
    Files.copy(ManifestJson.location(real), ManifestJson.location(copy));
    BundleManifest m = BuiltBundle.manifest();
    for (String path : java.util.stream.Stream.concat(m.files().stream().map(BundleFile::path),
        m.images().stream().map(BundleImage::path)).toList()) {
      Path target = copy.resolve(path);
      Files.createDirectories(target.getParent());
      if (!path.equals(own)) {
        Files.createSymbolicLink(target, real.resolve(path));
      } else if (!leaveOut) {
        Files.copy(real.resolve(path), target);
      }
    }
    return copy;
  }

  private Path spec(String version) throws IOException {
    return Files.writeString(tmp.resolve("cluster-" + version + ".yaml"), Specs.yaml(version, false));
  }

  @Test
  void acceptsTheBuiltBundleAsCompleteForALinuxClusterAtItsVersion() throws IOException {
    String version = BuiltBundle.manifest().kubernetesVersion();

    Run run = kubeyard("bundle", "verify", BuiltBundle.folder().toString(), "-f", spec(version).toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("is intact and complete for", "Kubernetes " + version);
  }

  @Test
  void rejectsTheBundleWithOneByteOfEtcdChanged() throws IOException {
    String etcd = BuiltBundle.manifest().fileProviding("etcd", Platform.LINUX_AMD64).orElseThrow().path();
    Path bundle = shadow(etcd, false);
    byte[] bytes = Files.readAllBytes(bundle.resolve(etcd));
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(bundle.resolve(etcd), bytes);

    Run run = kubeyard("bundle", "verify", bundle.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("has 1 problem:", etcd + ": sha256 is ", "copy the bundle again from its source");
  }

  @Test
  void rejectsTheBundleWithAnImageRemoved() throws IOException {
    String pause = BuiltBundle.manifest().image("pause", Platform.LINUX_AMD64).orElseThrow().path();

    Run run = kubeyard("bundle", "verify", shadow(pause, true).toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(pause + ": listed in manifest.json but missing");
  }

  @Test
  void rejectsTheBundleForASpecOfAnotherKubernetesVersion() throws IOException {
    Run run = kubeyard("bundle", "verify", BuiltBundle.folder().toString(), "-f", spec("1.14.10").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("manifest.json: the bundle carries Kubernetes "
        + BuiltBundle.manifest().kubernetesVersion() + " but the cluster spec asks for 1.14.10");
  }

  @Test
  void listsTheBuiltBundlesComponents() {
    Run run = kubeyard("bundle", "list", BuiltBundle.folder().toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("kube-apiserver,kube-controller-manager", "etcd,etcdctl", "haproxy",
        "kubeyard.local/pause:");
  }
}
