package dev.kubeyard.engine.transport;

import dev.kubeyard.engine.files.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A host key as a server offered it: the known_hosts name ({@code addr} or {@code [addr]:port}), the
 * key type and the key blob (base64). Its fingerprint is written as OpenSSH writes it.
 */
public record OfferedHostKey(String hostName, String knownHostsName, String type, String keyBase64) {

  /** {@code SHA256:...}, as {@code ssh-keygen -lf} prints it. */
  public String fingerprint() {
    return fingerprint(keyBase64);
  }

  public static String fingerprint(String keyBase64) {
    byte[] digest = Sha256.digestOf(Base64.getDecoder().decode(keyBase64));
    return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
  }

  /** The known_hosts line that trusts this key. */
  public String knownHostsLine() {
    return knownHostsName + " " + type + " " + keyBase64;
  }

  @Override
  public String toString() {
    return type + " " + fingerprint() + " (" + hostName + " at " + knownHostsName + ")";
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
