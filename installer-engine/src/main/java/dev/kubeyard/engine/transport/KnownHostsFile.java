package dev.kubeyard.engine.transport;

import dev.kubeyard.engine.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenSSH known_hosts file: plain ({@code addr}, {@code [addr]:port}, comma lists) and hashed
 * ({@code |1|salt|hash}) names. Markers ({@code @revoked}, {@code @cert-authority}) are not trusted.
 */
public final class KnownHostsFile {
  /** One key line: who it names and the key. */
  public record Entry(String names, String type, String keyBase64) {
    boolean names(String knownHostsName) {
      for (String pattern : names.split(",")) {
        if (pattern.startsWith("|1|") ? hashedMatches(pattern, knownHostsName)
            : pattern.toLowerCase(Locale.ROOT).equals(knownHostsName.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }
  }

  private final Path file;

  public KnownHostsFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** {@code addr} for port 22, {@code [addr]:port} otherwise, as OpenSSH names hosts. */
  public static String nameOf(String address, int port) {
    return port == 22 ? address : "[" + address + "]:" + port;
  }

  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("@")) {
          continue;
        }
        String[] f = t.split("\\s+");
        if (f.length >= 3) {
          out.add(new Entry(f[0], f[1], f[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read known_hosts " + file, e);
    }
    return out;
  }

  /** Every key listed for {@code knownHostsName}. */
  public List<Entry> keysFor(String knownHostsName) {
    return entries().stream().filter(e -> e.names(knownHostsName)).toList();
  }

  /** Appends a trusted key (creating the file 0600 if needed). */
  public synchronized void add(OfferedHostKey key) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (!Files.exists(file)) {
        Files.createFile(file, OwnerOnly.atCreation(file, OwnerOnly.FILE));
        OwnerOnly.restrict(file, OwnerOnly.FILE);
      }
      Files.writeString(file, key.knownHostsLine() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write known_hosts " + file, e);
    }
  }

  private static boolean hashedMatches(String pattern, String name) {
    String[] parts = pattern.split("\\|");
    if (parts.length != 4) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(salt, "HmacSHA1"));
      byte[] hash = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(hash).equals(parts[3]);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
