package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private keys of the example PKI: valid, PKCS#8, each the partner of its certificate, private. */
class PrivateKeysTest {
  private final Path dir = ExampleCluster.issued();
  private final OpenSsl openssl = new OpenSsl(dir);

  private static List<String> certificateNames() {
    List<String> names = new ArrayList<>(List.of("ca", "etcd-ca", "front-proxy-ca"));
    CertificateCatalogue.of(ExampleCluster.facts()).forEach(r -> names.add(r.name()));
    return names;
  }

  @Test
  void everyPrivateKeyPassesOpensslsConsistencyChecks() {
    for (String name : certificateNames()) {
      assertThat(openssl.ok("pkey", "-check", "-noout", "-in", name + "-key.pem", "-passin", OpenSsl.PASSIN)).as(name).contains("Key is valid");
      assertThat(openssl.ok("rsa", "-check", "-noout", "-in", name + "-key.pem", "-passin", OpenSsl.PASSIN)).as(name).contains("RSA key ok");
      assertThat(openssl.ok("pkey", "-noout", "-text", "-in", name + "-key.pem", "-passin", OpenSsl.PASSIN)).as(name)
          .contains("Private-Key: (2048 bit");
    }
    assertThat(openssl.ok("pkey", "-check", "-noout", "-in", "sa-key.pem", "-passin", OpenSsl.PASSIN)).contains("Key is valid");
  }

  @Test
  void everyKeyBelongsToItsCertificate() {
    for (String name : certificateNames()) {
      assertThat(openssl.publicKeyOfPrivateKey(name + "-key.pem")).as(name)
          .isEqualTo(openssl.publicKeyOfCertificate(name));
    }
  }

  @Test
  void theServiceAccountKeyPairBelongsTogetherAndIsNotTheCaKey() throws IOException {
    String saPub = Files.readString(dir.resolve("sa.pub"));
    assertThat(saPub).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(openssl.publicKeyOfPrivateKey("sa-key.pem")).isEqualTo(saPub);
    assertThat(saPub).isNotEqualTo(openssl.publicKeyOfCertificate("ca"));
  }

  @Test
  void theCaAndServiceAccountKeysAreEncryptedPkcs8AndTheLeafKeysThatHostsReceivePlainPkcs8() throws IOException {
    List<String> sealed = List.of("ca", "etcd-ca", "front-proxy-ca", "sa");
    for (String name : sealed) {
      assertThat(Files.readString(dir.resolve(name + "-key.pem"))).as(name)
          .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n").endsWith("-----END ENCRYPTED PRIVATE KEY-----\n");
    }
    for (String name : certificateNames()) {
      if (!sealed.contains(name)) {
        assertThat(Files.readString(dir.resolve(name + "-key.pem"))).as(name)
            .startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
      }
    }
    assertThat(openssl.ok("asn1parse", "-in", "ca-key.pem")).as("PBES2, PBKDF2 with HMAC-SHA256, AES-256-CBC")
        .contains("PBES2").contains("PBKDF2").contains("hmacWithSHA256").contains("aes-256-cbc");
  }

  @Test
  void privateKeysAre0600CertificatesAre0644AndTheDirectory0700() throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    for (String name : certificateNames()) {
      assertThat(perms(dir.resolve(name + "-key.pem"))).as(name).isEqualTo("rw-------");
      assertThat(perms(dir.resolve(name + ".pem"))).as(name).isEqualTo("rw-r--r--");
    }
    assertThat(perms(dir.resolve("sa-key.pem"))).isEqualTo("rw-------");
    assertThat(perms(dir.resolve("sa.pub"))).isEqualTo("rw-r--r--");
  }

  @Test
  void rsa4096KeysAreWhatTheSpecAsksFor(@TempDir Path tmp) throws IOException {
    var pair = KeyAlgorithm.parse("rsa-4096").generate(new SecureRandom());
    Files.writeString(tmp.resolve("big-key.pem"), Pem.privateKey(pair.getPrivate()));
    assertThat(new OpenSsl(tmp).ok("pkey", "-noout", "-text", "-in", "big-key.pem")).contains("Private-Key: (4096 bit");
    assertThat(KeyAlgorithm.of(pair.getPublic())).contains(KeyAlgorithm.RSA_4096);
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
