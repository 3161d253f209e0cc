package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiMaterialTest {
  private final Path dir = ExampleCluster.issued();
  private final PkiMaterial material = PkiMaterial.load(dir);

  @Test
  void givesTheAdminCertificateAndKeyAsPemTextForAKubeconfig() throws IOException {
    assertThat(material.certificate(PkiNames.ADMIN)).isEqualTo(Files.readString(dir.resolve("admin.pem")))
        .startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(material.privateKey(PkiNames.ADMIN)).isEqualTo(Files.readString(dir.resolve("admin-key.pem")));
    assertThat(material.authorityCertificate(CertificateAuthority.CLUSTER))
        .isEqualTo(Files.readString(dir.resolve("ca.pem")));
  }

  @Test
  void knowsEveryCertificateOfTheCatalogueAndTheServiceAccountKeys() throws IOException {
    assertThat(material.certificateNames()).containsAll(CertificateCatalogue.names(ExampleCluster.facts()).stream()
        .filter(n -> !n.equals(PkiNames.SERVICE_ACCOUNT)).toList()).hasSize(31);
    assertThat(material.serviceAccountPublicKey()).isEqualTo(Files.readString(dir.resolve("sa.pub")));
    assertThat(material.privateKey(PkiNames.SERVICE_ACCOUNT)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
  }

  @Test
  void aMissingCertificateIsNamedWithItsFile() {
    assertThatThrownBy(() -> material.certificate(PkiNames.kubelet("node9")))
        .isInstanceOf(PkiException.class).hasMessageContaining("kubelet-node9.pem is not in " + dir);
  }

  @Test
  void aMissingDirectoryIsReportedRatherThanReadAsEmpty(@TempDir Path tmp) {
    assertThatThrownBy(() -> PkiMaterial.load(tmp.resolve("nowhere")))
        .isInstanceOf(PkiException.class).hasMessageContaining("there is no PKI directory at");
  }
}
