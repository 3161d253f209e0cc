package dev.kubeyard.engine.render;

import dev.kubeyard.engine.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets that are not certificates: the 32-byte key that encrypts Secrets at rest in etcd. It is
 * created once, kept beside the PKI (0600) and reused on every run so re-rendering changes nothing.
 */
public record ClusterSecrets(String encryptionKeyBase64) {
  static final String FILE = "encryption-key";

  @Override
  public String toString() {
    return "ClusterSecrets[encryptionKey=<redacted>]";
  }

  /** Loads the key from {@code pkiDir}, creating it on first use. */
  public static ClusterSecrets loadOrCreate(Path pkiDir) throws IOException {
    Path file = pkiDir.resolve(FILE);
    if (Files.exists(file)) {
      return new ClusterSecrets(Files.readString(file).trim());
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    AtomicFiles.write(file, Base64.getEncoder().encodeToString(key) + "\n", AtomicFiles.OWNER_ONLY);
    return new ClusterSecrets(Base64.getEncoder().encodeToString(key));
  }
}
