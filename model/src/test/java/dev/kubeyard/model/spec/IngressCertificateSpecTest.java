package dev.kubeyard.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.model.validate.Problem;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pki.ingressCertificate: both files or neither, paths taken from the spec's folder. */
class IngressCertificateSpecTest {
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: own}
      kubernetes: {version: 1.35.0}
      pki:
        ingressCertificate: %s
      hosts:
        - {name: m, address: 192.168.0.1, roles: [etcd, master, node]}
      """;

  @TempDir
  Path tmp;

  @Test
  void relativePathsAreTakenFromTheSpecFilesFolderAndAbsoluteOnesStay() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("site"));
    Path spec = Files.writeString(folder.resolve("cluster.yaml"),
        SPEC.formatted("{certificateFile: tls/../tls/ingress.crt, keyFile: /etc/keys/ingress.key}"));

    Validator.Result r = Validator.load(spec);

    assertThat(r.problems()).isEmpty();
    IngressCertificateSpec own = r.spec().pki().ingressCertificate();
    assertThat(own.certificateFile()).isEqualTo(folder.resolve("tls/ingress.crt").toAbsolutePath().toString());
    assertThat(own.keyFile()).isEqualTo("/etc/keys/ingress.key");
  }

  @Test
  void aHomeRelativePathIsTheHomeFolderAsForAnSshKey() {
    IngressCertificateSpec own = new IngressCertificateSpec("~/tls/a.crt", "~/tls/a.key").resolvedAgainst(tmp);
    assertThat(own.certificateFile()).isEqualTo(Path.of(System.getProperty("user.home"), "tls/a.crt").toString());
  }

  @Test
  void withoutTheSectionTheSpecHasNoCertificateOfItsOwnAndSavesWithoutOne() {
    Validator.Result r = Validator.loadText(SPEC.replace("  ingressCertificate: %s\n", "  keyAlgorithm: rsa-2048\n"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.spec().pki().ingressCertificate()).isNull();
    assertThat(SpecYaml.write(r.spec())).doesNotContain("ingressCertificate");
  }

  @Test
  void onlyTheCertificateFileIsAProblemNamingTheMissingKeyFileInBothLanguages() {
    Problem p = Validator.loadText(SPEC.formatted("{certificateFile: tls/ingress.crt}")).problems().get(0);

    assertThat(p.path()).isEqualTo("pki.ingressCertificate.keyFile");
    assertThat(p.rule()).contains("needs both files").contains("'tls/ingress.crt'");
    assertThat(p.fix()).contains("set pki.ingressCertificate.keyFile too");
    assertThat(p.toString(Locale.SIMPLIFIED_CHINESE)).contains("缺少 pki.ingressCertificate.keyFile");
  }

  @Test
  void onlyTheKeyFileIsAProblemNamingTheMissingCertificateFile() {
    assertThat(Validator.loadText(SPEC.formatted("{keyFile: k.pem}")).problems())
        .extracting(Problem::path).containsExactly("pki.ingressCertificate.certificateFile");
  }

  @Test
  void anEmptySectionIsAProblemRatherThanSilentlyTheClusterCertificate() {
    assertThat(Validator.loadText(SPEC.formatted("{}")).problems())
        .extracting(Problem::key).containsExactly("pki.ingressCertificate.empty");
  }
}
