package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.pki.PkiReport.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pki.keyAlgorithm: ecdsa-p256 gives a complete P-256 PKI that openssl accepts. */
class EcdsaPkiTest {
  @TempDir
  static Path tmp;
  private static Path dir;
  private static PkiReport report;

  @BeforeAll
  static void issue() {
    dir = tmp.resolve("pki");
    report = ClusterPki.ensure(ExampleCluster.withKeyAlgorithm("ecdsa-p256"), dir, Clock.systemUTC());
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>(List.of("ca", "etcd-ca", "front-proxy-ca"));
    // SQL Server's stay RSA whatever the cluster uses (SQL Server imports RSA keys only, ADR 41)
    CertificateCatalogue.of(ExampleCluster.facts()).stream().filter(r -> !r.name().startsWith("mssql-"))
        .forEach(r -> names.add(r.name()));
    return names;
  }

  @Test
  void everyKeyIsOnPrime256v1AndEverySignatureIsEcdsaWithSha256() {
    OpenSsl openssl = new OpenSsl(dir);
    assertThat(report.names(Outcome.ISSUED)).hasSize(32);
    for (String name : names()) {
      String text = openssl.text(name);
      assertThat(text).as(name).contains("Public Key Algorithm: id-ecPublicKey", "ASN1 OID: prime256v1",
          "Signature Algorithm: ecdsa-with-SHA256");
      assertThat(openssl.ok("pkey", "-check", "-noout", "-in", name + "-key.pem", "-passin", OpenSsl.PASSIN)).as(name).contains("Key is valid");
      assertThat(openssl.publicKeyOfPrivateKey(name + "-key.pem")).as(name).isEqualTo(openssl.publicKeyOfCertificate(name));
    }
    assertThat(openssl.ok("pkey", "-pubin", "-noout", "-text", "-in", "sa.pub")).contains("ASN1 OID: prime256v1");
  }

  @Test
  void ecdsaLeavesOnlySignAndStillVerifyAgainstTheirCas() {
    OpenSsl openssl = new OpenSsl(dir);
    for (CertificateRequest r : CertificateCatalogue.of(ExampleCluster.facts())) {
      assertThat(openssl.verifies(r.signer().fileName(), r.name())).as(r.name()).isTrue();
      if (r.name().startsWith("mssql-")) {
        assertThat(openssl.text(r.name())).as(r.name()).contains("Public Key Algorithm: rsaEncryption");
        continue;
      }
      assertThat(openssl.extension(r.name(), "keyUsage")).as(r.name())
          .containsExactly("X509v3 Key Usage: critical", "Digital Signature");
    }
    assertThat(openssl.verifies("ca", "etcd-master1")).isFalse();
  }

  @Test
  void aSecondEcdsaRunKeepsEverything() {
    PkiReport again = ClusterPki.ensure(ExampleCluster.withKeyAlgorithm("ecdsa-p256"), dir, Clock.systemUTC());
    assertThat(again.names(Outcome.KEPT)).hasSize(32);
    assertThat(again.unchanged()).isTrue();
  }
}
