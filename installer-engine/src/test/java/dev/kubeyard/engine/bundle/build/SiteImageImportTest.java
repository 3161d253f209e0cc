package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.BundleRequirements;
import dev.kubeyard.engine.bundle.ImageTar;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.engine.bundle.Specs;
import dev.kubeyard.engine.bundle.TestBundle;
import dev.kubeyard.engine.bundle.verify.BundleVerifier;
import dev.kubeyard.engine.cli.Main;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'bundle import' on small bundles with real OCI and docker-save archives, checked by the real verify. */
class SiteImageImportTest {

  private static final String SQL = "registry.example.com/mssql/server:2022-CU16-ubuntu-22.04";
  private static final Platform WINDOWS = Platform.WINDOWS_AMD64;
  private static final Platform LINUX = Platform.LINUX_AMD64;

  @TempDir
  Path tmp;

  private final List<String> said = new ArrayList<>();

  private Path bundle() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("bundle"));
    return new TestBundle(dir, "1.35.8").completeFor(BundleRequirements.of(Specs.cluster("1.35.8", false)),
        Files.createDirectories(tmp.resolve("cache/jib"))).write();
  }

  private BundleManifest importInto(Path bundle, String name, Path... archives) throws BundleException {
    return ImageImport.run(new ImageImport.Request(bundle, List.of(archives), name, null, true, said::add));
  }

  private static ClusterSpec withSqlServer() {
    return Validator.loadText(Specs.yaml("1.35.8", false) + """
        apps:
          sqlserver:
            edition: Enterprise
            image: %s
            acceptEula: true
        """.formatted(SQL)).spec();
  }

  private static List<String> problems(BundleVerifier.Report report) {
    return report.problems().stream().map(BundleProblem::toString).toList();
  }

  @Test
  void anImportedOciArchivePassesVerifyAndTheSqlServerImageCheckOfVerifyF() throws Exception {
    Path bundle = bundle();
    assertThat(problems(BundleVerifier.verify(bundle, withSqlServer()))).singleElement().asString()
        .contains("no image " + SQL);
    Path archive = new OciArchive().image(LINUX, "sqlservr", SQL).write(tmp.resolve("site/mssql.tar"));

    BundleManifest m = importInto(bundle, null, archive);

    BundleImage image = m.images().stream().filter(i -> i.reference().equals(SQL)).findFirst().orElseThrow();
    assertThat(image.path()).isEqualTo("images/mssql-server-2022-CU16-ubuntu-22.04-linux-amd64.tar");
    assertThat(image.source()).isEqualTo(Source.IMPORTED);
    assertThat(image.component()).isEqualTo("mssql-server");
    assertThat(image.platform()).isEqualTo(LINUX);
    assertThat(image.origin()).startsWith("site archive mssql.tar, manifest sha256:");
    assertThat(Files.readAllBytes(bundle.resolve(image.path()))).isEqualTo(Files.readAllBytes(archive));
    assertThat(ManifestJson.read(bundle)).isEqualTo(m);
    assertThat(problems(BundleVerifier.verify(bundle))).isEmpty();
    assertThat(problems(BundleVerifier.verify(bundle, withSqlServer()))).isEmpty();
    assertThat(said).anySatisfy(s -> assertThat(s).startsWith(SQL + " (linux/amd64) -> images/mssql-server-"));
  }

  @Test
  void aFlippedByteInABlobIsRefusedNamingTheBlobAndItsDigestAndTheBundleStaysAsItWas() throws Exception {
    Path bundle = bundle();
    byte[] before = Files.readAllBytes(ManifestJson.location(bundle));
    OciArchive oci = new OciArchive().image(LINUX, "sqlservr", SQL);
    String layer = oci.firstLayerDigest();
    Path archive = oci.write(tmp.resolve("site/mssql.tar"), layer);

    assertThatThrownBy(() -> importInto(bundle, null, archive)).isInstanceOf(BundleException.class)
        .hasMessageContaining(archive + " is damaged or altered: blob blobs/sha256/" + layer + " has sha256 ")
        .hasMessageContaining(", not its digest sha256:" + layer)
        .hasMessageContaining("nothing was imported; " + bundle + " is unchanged");
    assertThat(Files.readAllBytes(ManifestJson.location(bundle))).isEqualTo(before);
    assertThat(Files.list(bundle.resolve("images")).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.startsWith("mssql"));
  }

  @Test
  void aWindowsImageForALinuxBundleIsRefusedNamingBothPlatforms() throws Exception {
    Path bundle = bundle();
    Path archive = new OciArchive().image(WINDOWS, "sqlservr.exe", SQL).write(tmp.resolve("site/win.tar"));

    assertThatThrownBy(() -> importInto(bundle, null, archive))
        .hasMessageContaining(archive + ": " + SQL + " is a windows/amd64 image but the bundle's hosts need linux/amd64");
  }

  @Test
  void aManifestListIsImportedForItsLinuxImageAndRefusedWithoutOneNamingWhatItHolds() throws Exception {
    Path bundle = bundle();
    Path both = new OciArchive().list(SQL, WINDOWS, LINUX).write(tmp.resolve("site/both.tar"));
    Path windowsOnly = new OciArchive().list("example.com/tools:1", WINDOWS, new Platform("linux", "arm64"))
        .write(tmp.resolve("site/other.tar"));

    assertThatThrownBy(() -> importInto(bundle, null, windowsOnly)).hasMessageContaining(windowsOnly
        + ": the manifest list of example.com/tools:1 holds windows/amd64, linux/arm64 but no linux/amd64");
    importInto(bundle, null, both);
    assertThat(problems(BundleVerifier.verify(bundle, withSqlServer()))).isEmpty();
  }

  @Test
  void anArchiveWithTwoReferencesIsRefusedWithoutNameListingThemAndImportedWithIt() throws Exception {
    Path bundle = bundle();
    Path archive = new OciArchive().image(LINUX, "a", SQL).image(LINUX, "b", "example.com/tools:1")
        .write(tmp.resolve("site/two.tar"));

    assertThatThrownBy(() -> importInto(bundle, null, archive)).hasMessageContaining(archive
        + " holds several images: " + SQL + ", example.com/tools:1; pass the one to import with --name");
    BundleManifest m = importInto(bundle, "example.com/tools:1", archive);

    assertThat(m.images()).extracting(BundleImage::path).contains("images/tools-1-linux-amd64.tar");
    assertThat(problems(BundleVerifier.verify(bundle))).isEmpty();
  }

  @Test
  void anArchiveThatNamesNoImageNeedsNameAndThenCarriesIt() throws Exception {
    Path bundle = bundle();
    Path archive = new OciArchive().image(LINUX, "sqlservr", Map.of("org.opencontainers.image.ref.name", "2022"))
        .write(tmp.resolve("site/unnamed.tar"));

    assertThatThrownBy(() -> importInto(bundle, null, archive)).hasMessageContaining("names no image")
        .hasMessageContaining("--name REGISTRY/REPOSITORY:TAG");
    BundleManifest m = importInto(bundle, SQL, archive);

    Path copied = bundle.resolve(m.images().stream().filter(i -> i.reference().equals(SQL)).findFirst().orElseThrow().path());
    assertThat(ImageTar.read(copied, true).references()).containsExactly(SQL);
    assertThat(problems(BundleVerifier.verify(bundle, withSqlServer()))).isEmpty();
  }

  @Test
  void reimportingTheSameArchiveChangesNothingAndAnotherArchiveForTheSameNameReplacesIt() throws Exception {
    Path bundle = bundle();
    Path first = new OciArchive().image(LINUX, "cu16", SQL).write(tmp.resolve("site/first.tar"));
    Path second = new OciArchive().image(LINUX, "cu16, rebuilt", SQL).write(tmp.resolve("site/second.tar"));
    BundleManifest imported = importInto(bundle, null, first);
    byte[] manifest = Files.readAllBytes(ManifestJson.location(bundle));
    said.clear();

    assertThat(importInto(bundle, null, first)).isEqualTo(imported);
    assertThat(Files.readAllBytes(ManifestJson.location(bundle))).isEqualTo(manifest);
    assertThat(said).anySatisfy(s -> assertThat(s).contains("already holds this archive").endsWith("nothing changed"));

    BundleManifest replaced = importInto(bundle, null, second);

    assertThat(said).anySatisfy(s -> assertThat(s).contains("replaces the earlier import, sha256 "));
    assertThat(replaced.images()).filteredOn(i -> i.reference().equals(SQL)).singleElement()
        .satisfies(i -> assertThat(i.sha256()).isEqualTo(OciArchive.sha256(Files.readAllBytes(second))));
    assertThat(replaced.images()).hasSize(imported.images().size());
    assertThat(problems(BundleVerifier.verify(bundle))).isEmpty();
  }

  @Test
  void aDockerSaveArchiveBuiltByJibIsImportedAndVerified() throws Exception {
    Path bundle = bundle();
    Path content = Files.writeString(tmp.resolve("tool.txt"), "tool");
    ImageRecipe recipe = new ImageRecipe("tool", "2.0", "example.com/site/tool:2.0",
        List.of(List.of(new ImageRecipe.ImageFile(content, "/tool", true))), List.of("/tool"), "65535:65535", "test");
    Path archive = tmp.resolve("site/tool.tar");
    new ImageBuilder(tmp.resolve("cache/jib")).build(recipe, LINUX, archive);

    BundleManifest m = importInto(bundle, null, archive);

    assertThat(m.images()).extracting(BundleImage::path).contains("images/site-tool-2.0-linux-amd64.tar");
    assertThat(said).anySatisfy(s -> assertThat(s).contains("(docker-save, sha256 "));
    assertThat(problems(BundleVerifier.verify(bundle))).isEmpty();
  }

  @Test
  void theBundlesTarGzIsRewrittenAfterAnImportOrRemovedWithNoArchive() throws Exception {
    Path bundle = bundle();
    ArchiveBundle.repack(bundle);
    Path archive = new OciArchive().image(LINUX, "sqlservr", SQL).write(tmp.resolve("site/mssql.tar"));

    importInto(bundle, null, archive);

    assertThat(ArchiveBundle.current(bundle)).isTrue();
    Path other = new OciArchive().image(LINUX, "tools", "example.com/tools:1").write(tmp.resolve("site/tools.tar"));
    ImageImport.run(new ImageImport.Request(bundle, List.of(other), null, null, false, said::add));
    assertThat(ArchiveBundle.archiveOf(bundle)).doesNotExist();
    assertThat(said).last().asString().startsWith("removed " + ArchiveBundle.archiveOf(bundle));
  }

  @Test
  void theCommandImportsEndToEndAndVerifyFThenPasses() throws Exception {
    Path bundle = bundle();
    Path archive = new OciArchive().image(LINUX, "sqlservr", SQL).write(tmp.resolve("site/mssql.tar"));
    Path spec = Files.writeString(tmp.resolve("cluster.yaml"), Specs.yaml("1.35.8", false) + """
        apps:
          sqlserver:
            edition: Enterprise
            image: %s
            acceptEula: true
        """.formatted(SQL));

    String[] before = run("bundle", "verify", bundle.toString(), "-f", spec.toString());
    String[] imported = run("bundle", "import", bundle.toString(), archive.toString());
    String[] again = run("bundle", "import", bundle.toString(), archive.toString(), "--name", SQL);
    String[] after = run("bundle", "verify", bundle.toString(), "-f", spec.toString());

    assertThat(before[0]).isEqualTo("1");
    assertThat(before[2]).contains("'kubeyard bundle import BUNDLE ARCHIVE.tar --name " + SQL + "'");
    assertThat(imported[0]).isEqualTo("0");
    assertThat(imported[1]).contains(SQL + " (linux/amd64) -> images/mssql-server-2022-CU16-ubuntu-22.04-linux-amd64.tar");
    assertThat(again[1]).contains("nothing changed");
    assertThat(after[0]).as(after[2]).isEqualTo("0");
    assertThat(after[1]).contains("is intact and complete for " + spec);
  }

  private static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new String[] {String.valueOf(exit), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
