package dev.kubeyard.engine.apps.gitlab.tier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.gitlab.GeneratedPassword;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The Secrets GitLab's own tier needs and Kubeyard generates (ADR 44), as the chart's shared-secrets Job
 * would: the Rails secrets (secrets.yml), Gitaly's token, gitlab-shell's secret, Workhorse's shared secret,
 * gitlab-sshd's host key and the root user's first password. Made at deploy time from a {@link SecureRandom},
 * created only when absent (new Rails keys would make every encrypted column unreadable), never rendered into
 * a golden file or a plan folder and never logged: a {@link Manifest} of one of them is applied, not printed.
 * The data tier's Secrets (database, Redis, object storage passwords) are its own (ADR 42, 43, 45).
 */
public final class TierSecrets {

  private TierSecrets() {}

  /** Every generated Secret, named as the pods' projected volumes name them. */
  public static List<Manifest> all(GitlabTier t, SecureRandom random) {
    return List.of(rails(t, random),
        opaque(t, TierNames.GITALY_SECRET, "token", alphanumeric(random, 64)),
        opaque(t, TierNames.SHELL_SECRET, "secret", alphanumeric(random, 64)),
        // Workhorse reads 32 bytes, base64-encoded, and signs its requests to Puma with them
        opaque(t, TierNames.WORKHORSE_SECRET, "shared_secret", Base64.getEncoder().encodeToString(bytes(random, 32))),
        hostKeys(t, random),
        opaque(t, TierNames.ROOT_PASSWORD_SECRET, GitlabTier.PASSWORD_KEY, alphanumeric(random, 32)));
  }

  /**
   * secrets.yml as GitLab 17 reads it: the four 128-hex-digit bases, the OpenID Connect signing key (RSA
   * 2048, PKCS#1 PEM) and the Active Record encryption keys (32 characters each).
   */
  static Manifest rails(GitlabTier t, SecureRandom random) {
    StringBuilder yml = new StringBuilder("production:\n");
    for (String key : List.of("secret_key_base", "otp_key_base", "db_key_base", "encrypted_settings_key_base")) {
      yml.append("  ").append(key).append(": ").append(HexFormat.of().formatHex(bytes(random, 64))).append('\n');
    }
    yml.append("  openid_connect_signing_key: |\n");
    rsaPem(random).lines().forEach(l -> yml.append("    ").append(l).append('\n'));
    yml.append("  active_record_encryption_primary_key:\n    - ").append(alphanumeric(random, 32)).append('\n');
    yml.append("  active_record_encryption_deterministic_key:\n    - ").append(alphanumeric(random, 32)).append('\n');
    yml.append("  active_record_encryption_key_derivation_salt: ").append(alphanumeric(random, 32)).append('\n');
    return opaque(t, TierNames.RAILS_SECRET, "secrets.yml", yml.toString());
  }

  /** gitlab-sshd's Ed25519 host key in OpenSSH's format, and its public half for known_hosts. */
  static Manifest hostKeys(GitlabTier t, SecureRandom random) {
    Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
    g.init(new Ed25519KeyGenerationParameters(random));
    var pair = g.generateKeyPair();
    Ed25519PrivateKeyParameters key = (Ed25519PrivateKeyParameters) pair.getPrivate();
    Ed25519PublicKeyParameters pub = (Ed25519PublicKeyParameters) pair.getPublic();
    String privatePem;
    String publicLine;
    try {
      privatePem = pem(new PemObject("OPENSSH PRIVATE KEY", OpenSSHPrivateKeyUtil.encodePrivateKey(key)));
      publicLine = "ssh-ed25519 " + Base64.getEncoder().encodeToString(OpenSSHPublicKeyUtil.encodePublicKey(pub))
          + " gitlab-shell@" + t.host() + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode secret = secret(t, TierNames.HOST_KEYS_SECRET);
    secret.putObject("stringData").put("ssh_host_ed25519_key", privatePem).put("ssh_host_ed25519_key.pub", publicLine);
    return new Manifest("secret-" + TierNames.HOST_KEYS_SECRET + ".yaml", secret);
  }

  private static Manifest opaque(GitlabTier t, String name, String key, String value) {
    ObjectNode secret = secret(t, name);
    secret.putObject("stringData").put(key, value);
    return new Manifest("secret-" + name + ".yaml", secret);
  }

  private static ObjectNode secret(GitlabTier t, String name) {
    return TierNames.object("v1", "Secret", name, TierNames.SECRETS, t).put("type", "Opaque");
  }

  static String alphanumeric(SecureRandom random, int length) {
    return GeneratedPassword.of(random, length);
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String rsaPem(SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, random);
      KeyPair pair = g.generateKeyPair();
      StringWriter w = new StringWriter();
      try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(pair.getPrivate());
      }
      return w.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no RSA key generator in this JVM", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(PemObject o) {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
