package dev.kubeyard.engine.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 as lowercase hex, the form sha256sum, dl.k8s.io's .sha256 files, Debian's index and the plan
 * use. The engine's one place for it: bundle entries, plan files, uploads, rendered files, revisions.
 */
public final class Sha256 {
  private record Stamp(Path file, long size, long modified) {}

  private static final Map<Stamp, String> REMEMBERED = new ConcurrentHashMap<>();

  private Sha256() {}

  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Reads the whole file, every time: for checking a file that may have been damaged since. */
  public static String of(Path file) throws IOException {
    return hex(file, digest());
  }

  /**
   * As {@link #of(Path)}, remembered by path, size and modification time, so a binary uploaded to six
   * hosts is read once, not six times. For files the plan wrote; unreadable is unchecked here.
   */
  public static String remembered(Path file) {
    try {
      Stamp stamp = new Stamp(file.toAbsolutePath(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
      String known = REMEMBERED.get(stamp);
      if (known == null) {
        known = of(file);
        REMEMBERED.put(stamp, known);
      }
      return known;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads {@code in} to its end (without closing it): an entry of a tar read as it streams by. */
  public static String of(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[1 << 16];
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return hex(digest);
  }

  /** Of the text's UTF-8 bytes. */
  public static String of(String text) {
    return HexFormat.of().formatHex(digestOf(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The 32 bytes themselves, for encodings other than hex (OpenSSH's base64 fingerprints). */
  public static byte[] digestOf(byte[] data) {
    return digest().digest(data);
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Streams {@code file} through {@code digest}: SHA-256 here, SHA-512 where a release publishes only that. */
  public static String hex(Path file, MessageDigest digest) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return hex(digest);
  }
}
