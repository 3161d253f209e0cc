package dev.kubeyard.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * sha256 of a local file, as {@code sha256sum} prints it. Remembered by path, size and modification
 * time, so a binary uploaded to six hosts is read once, not six times.
 */
public final class Sha256 {
  private record Stamp(Path file, long size, long modified) {}

  private static final Map<Stamp, String> KNOWN = new ConcurrentHashMap<>();

  private Sha256() {}

  public static String of(Path file) {
    try {
      Stamp stamp = new Stamp(file.toAbsolutePath(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
      String known = KNOWN.get(stamp);
      if (known != null) {
        return known;
      }
      String digest = compute(file);
      KNOWN.put(stamp, digest);
      return digest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String compute(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
