package dev.kubeyard.engine.render;

import dev.kubeyard.engine.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets that are not certificates: the 32-byte key that encrypts Secrets at rest in etcd, and the key
 * MetalLB's speakers encrypt their memberlist gossip with. Each is created once, kept beside the PKI
 * (0600) and reused on every run so re-rendering changes nothing.
 */
public record ClusterSecrets(String encryptionKeyBase64, String memberlistKeyBase64) {
  static final String FILE = "encryption-key";
  static final String MEMBERLIST_FILE = "metallb-memberlist-key";

  @Override
  public String toString() {
    return "ClusterSecrets[encryptionKey=<redacted>, memberlistKey=<redacted>]";
  }

  /** Loads the keys from {@code pkiDir}, creating each on first use. */
  public static ClusterSecrets loadOrCreate(Path pkiDir) throws IOException {
    return new ClusterSecrets(keyFile(pkiDir.resolve(FILE)), keyFile(pkiDir.resolve(MEMBERLIST_FILE)));
  }

  /** Fresh keys that are never written anywhere: for a plan shown for review only. */
  public static ClusterSecrets throwaway() {
    return new ClusterSecrets(randomKey(), randomKey());
  }

  private static String keyFile(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    String key = randomKey();
    AtomicFiles.write(file, key + "\n", AtomicFiles.OWNER_ONLY);
    return key;
  }

  /** 32 random bytes in base64: AES-256 for etcd; MetalLB hashes its key with SHA-256 whatever its length. */
  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
