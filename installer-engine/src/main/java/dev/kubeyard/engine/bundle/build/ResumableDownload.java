package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Downloads one file over HTTP(S) into TARGET.part, continuing where an interrupted attempt (in this
 * run or an earlier one) stopped with an HTTP Range request, then checks its checksum before moving it
 * into place. A dropped connection, a short body or {@code stall} without data counts as interrupted;
 * a server that ignores Range simply sends the whole file again.
 */
final class ResumableDownload {

  static final int ATTEMPTS = 5;

  private final Duration stall;
  private final Consumer<String> progress;

  ResumableDownload(Duration stall, Consumer<String> progress) {
    this.stall = stall;
    this.progress = progress;
  }

  /** The expected digest of a download: algorithm (SHA-256 or SHA-512) and lowercase hex. */
  record Checksum(String algorithm, String hex, URI publishedAt) {}

  void fetch(URI uri, Path target, Checksum checksum) throws BundleException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    boolean resumed = false;
    try {
      Files.createDirectories(target.getParent());
      for (int attempt = 1; ; attempt++) {
        long have = Files.exists(part) ? Files.size(part) : 0;
        resumed |= have > 0;
        try {
          transfer(uri, part, have);
          break;
        } catch (IOException e) {
          long now = Files.exists(part) ? Files.size(part) : 0;
          if (attempt >= ATTEMPTS) {
            throw new BundleException("downloading " + uri + " failed " + ATTEMPTS + " times, last after " + now
                + " bytes (" + e.getMessage() + "); run the fetch again to resume from " + part, e);
          }
          progress.accept("  connection lost after " + now + " bytes of " + uri + " (" + e.getMessage()
              + "); resuming");
        }
      }
      String actual = digest(part, checksum.algorithm());
      if (!actual.equals(checksum.hex())) {
        Files.delete(part);
        if (resumed) {
          progress.accept("  " + target.getFileName() + " did not match its checksum after resuming; downloading it"
              + " again from the start");
          fetch(uri, target, checksum);
          return;
        }
        throw new BundleException(uri + ": " + checksum.algorithm() + " is " + actual + " but " + checksum.publishedAt()
            + " says " + checksum.hex() + "; the download was damaged or the server serves another file, so it was"
            + " deleted; run the fetch again, and if it fails again check --from");
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      target.toFile().setExecutable(true, false);
    } catch (IOException e) {
      throw new BundleException("cannot write " + part + ": " + e.getMessage() + "; check disk space and permissions", e);
    }
  }

  /** One request. Appends after a 206 for our offset, starts over after a 200; throws when cut short. */
  private void transfer(URI uri, Path part, long have) throws IOException, BundleException {
    HttpURLConnection c = open(uri);
    if (have > 0) {
      c.setRequestProperty("Range", "bytes=" + have + "-");
    }
    int status = c.getResponseCode();
    try {
      if (status == 416 && have > 0) {
        return; // nothing left to send: the partial file is already whole (the checksum decides)
      }
      boolean append = status == 206 && String.valueOf(c.getHeaderField("Content-Range")).startsWith("bytes " + have + "-");
      if (status != 200 && !append) {
        throw new BundleException(uri + " answered HTTP " + status + (status == 404
            ? "; check --from and --version (the release layout is vVERSION/bin/OS/ARCH/NAME)" : "; try again later"));
      }
      long expected = c.getContentLengthLong();
      long received = 0;
      try (InputStream body = c.getInputStream();
          OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        byte[] buffer = new byte[1 << 16];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
          out.write(buffer, 0, n);
          received += n;
        }
      } catch (SocketTimeoutException e) {
        throw new IOException("no data for " + stall.toSeconds() + " s", e);
      }
      if (expected >= 0 && received < expected) {
        throw new IOException("the connection closed after " + received + " of " + expected + " bytes");
      }
    } finally {
      c.disconnect();
    }
  }

  /** GET of a small text resource such as a .sha256 file; null unless the server answers 200. */
  String text(URI uri) throws IOException {
    HttpURLConnection c = open(uri);
    try {
      if (c.getResponseCode() != 200) {
        return null;
      }
      try (InputStream in = c.getInputStream()) {
        return new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII);
      }
    } finally {
      c.disconnect();
    }
  }

  private HttpURLConnection open(URI uri) throws IOException {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setConnectTimeout(30_000);
    c.setReadTimeout((int) stall.toMillis());
    c.setInstanceFollowRedirects(true);
    c.setUseCaches(false);
    return c;
  }

  static String digest(Path file, String algorithm) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(algorithm);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
    return Sha256.hex(file, md);
  }
}
