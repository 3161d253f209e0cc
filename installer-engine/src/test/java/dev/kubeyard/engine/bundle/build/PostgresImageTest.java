package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.apps.gitlab.postgres.PostgresDeployment;
import dev.kubeyard.engine.bundle.BundleException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitLab's PostgreSQL image recipe (ADR 42): the name the manifests run, trixie's /usr-only layout, what is left out. */
class PostgresImageTest {
  private static final Path DASH = Path.of("/staging/dash/usr/bin/dash");
  private static final Path LD = Path.of("/staging/libc6/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
  private static final Path BASH = Path.of("/staging/bash/usr/bin/bash");

  @Test
  void theImageIsTheOneTheManifestsRun() {
    assertThat(PostgresImage.reference()).isEqualTo(PostgresDeployment.IMAGE);
    assertThat(PostgresImage.archiveName()).isEqualTo("gitlab-postgres-17-linux-amd64.tar");
  }

  @Test
  void theElfInterpreterAndBinShAreCopiedToTheOldPathsTheKernelAndLibcUse() throws Exception {
    List<ImageRecipe.ImageFile> files = PostgresImage.withOldPaths(List.of(
        new ImageRecipe.ImageFile(DASH, "/usr/bin/dash", true),
        new ImageRecipe.ImageFile(BASH, "/usr/bin/bash", true),
        new ImageRecipe.ImageFile(LD, "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", true)));
    assertThat(files).extracting(ImageRecipe.ImageFile::target).contains("/bin/sh", "/bin/bash",
        "/lib64/ld-linux-x86-64.so.2");
    assertThat(files).filteredOn(f -> f.target().equals("/bin/sh")).extracting(ImageRecipe.ImageFile::source)
        .containsExactly(DASH);
  }

  @Test
  void aPackageThatMovedItsInterpreterStopsTheBuildWithTheReason() {
    assertThatThrownBy(() -> PostgresImage.withOldPaths(List.of(new ImageRecipe.ImageFile(DASH, "/usr/bin/dash", true))))
        .isInstanceOf(BundleException.class).hasMessageContaining("/usr/bin/bash");
  }

  @Test
  void llvmAndTheLocalesAreLeftOutAndTheStampFollowsTheDebianVersions() {
    List<DebianPackage> kept = PostgresImage.kept(List.of(new DebianPackage("libllvm19", "1:19.1.7-3+b1", "amd64"),
        new DebianPackage("postgresql-17", "17.12-0+deb13u1", "amd64"), new DebianPackage("locales", "2.41-12", "all")));
    assertThat(kept).extracting(DebianPackage::name).containsExactly("postgresql-17");
    assertThat(PostgresImage.inputsDigest("debian trixie: postgresql-17=17.12-0+deb13u1"))
        .isNotEqualTo(PostgresImage.inputsDigest("debian trixie: postgresql-17=17.13-0+deb13u1"));
  }
}
