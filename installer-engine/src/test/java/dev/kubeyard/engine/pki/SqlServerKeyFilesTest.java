package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files SQL Server's CREATE CERTIFICATE reads: the key in PVK format, byte for byte as OpenSSL writes it. */
class SqlServerKeyFilesTest {
  @TempDir
  Path tmp;

  @Test
  void anRsaKeyBecomesTheSameUnencryptedPvkFileOpenSslWrites() throws Exception {
    KeyPair keys = KeyAlgorithm.RSA_2048.generate(new SecureRandom());
    String pem = Pem.privateKey(keys.getPrivate());
    Path key = Files.writeString(tmp.resolve("key.pem"), pem);
    Path pvk = tmp.resolve("openssl.pvk");

    Proc.Result openssl = Proc.run(tmp, "openssl", "rsa", "-in", key.toString(), "-outform", "PVK", "-pvk-none",
        "-out", pvk.toString());

    assertThat(openssl.exit()).as(openssl.toString()).isZero();
    assertThat(SqlServerKeyFiles.pvk(pem)).isEqualTo(Files.readAllBytes(pvk));
  }

  @Test
  void sqlServerImportsRsaKeysOnly() {
    String ec = Pem.privateKey(KeyAlgorithm.ECDSA_P256.generate(new SecureRandom()).getPrivate());
    assertThatThrownBy(() -> SqlServerKeyFiles.pvk(ec)).hasMessageContaining("RSA keys only");
  }
}
