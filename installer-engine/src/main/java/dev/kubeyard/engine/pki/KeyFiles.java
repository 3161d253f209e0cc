package dev.kubeyard.engine.pki;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.kubeyard.engine.files.OwnerOnly;
import dev.kubeyard.engine.files.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The PKI directory on the deploy node: where each name's files live, and how they are written.
 * Every write goes to a temporary file in the same directory, created with its final permissions
 * (0600 for private keys, so a key is never readable by others, not even while being written), is
 * flushed to disk and then renamed over the target: an interrupted run leaves the old file or the new
 * one, never half a key. Leftover temporary files of an interrupted run are removed on the next.
 * Where the file system has no POSIX modes (Windows) "0600" and "0700" are an owner-only ACL ({@link OwnerOnly}).
 */
public final class KeyFiles {
  static final Set<PosixFilePermission> PRIVATE = OwnerOnly.FILE;
  static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> DIRECTORY = OwnerOnly.FOLDER;
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String DIGEST_SUFFIX = ".sha256";

  private final Path dir;

  private KeyFiles(Path dir) {
    this.dir = dir;
  }

  /** The PKI directory at {@code dir}; nothing is created or changed until something is written. */
  public static KeyFiles at(Path dir) {
    return new KeyFiles(dir);
  }

  /** Creates the directory (0700) if needed, tightens it to 0700, and removes leftover temp files. */
  void prepare() {
    try {
      if (!Files.isDirectory(dir)) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.createDirectory(dir, OwnerOnly.atCreation(dir, DIRECTORY));
      }
      OwnerOnly.restrict(dir, DIRECTORY);
      try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, ".*.{pem,pub,sha256}.*" + TEMP_SUFFIX)) {
        for (Path p : leftovers) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the PKI directory " + dir, e);
    }
  }

  public Path directory() {
    return dir;
  }

  public Path certificate(String name) {
    return dir.resolve(name + ".pem");
  }

  public Path privateKey(String name) {
    return dir.resolve(name + "-key.pem");
  }

  public Path publicKey(String name) {
    return dir.resolve(name + ".pub");
  }

  /** The names of every certificate file present ({@code x.pem}, not {@code x-key.pem}), sorted. */
  public List<String> certificateNames() {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (DirectoryStream<Path> pems = Files.newDirectoryStream(dir, "*.pem")) {
      for (Path p : pems) {
        String file = p.getFileName().toString();
        if (!file.endsWith("-key.pem") && Files.isRegularFile(p)) {
          names.add(file.substring(0, file.length() - ".pem".length()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    names.sort(null);
    return names;
  }

  /** The file's text, or empty when it does not exist. */
  Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void writePrivate(Path target, String pem) {
    write(target, pem, PRIVATE);
  }

  /**
   * Writes an encrypted key ({@link LockedKeys}) and, beside it, {@code <file>.sha256}: the digest of the
   * key as a host receives it, decrypted, so a plan can name what a master gets without opening the key.
   */
  void writeLocked(Path target, String lockedPem, String plainPem) {
    write(target, lockedPem, PRIVATE);
    write(digestOf(target), Sha256.of(plainPem) + "\n", PRIVATE);
  }

  /** Where the digest of a locked key's decrypted form is kept. */
  static Path digestOf(Path lockedKey) {
    return lockedKey.resolveSibling(lockedKey.getFileName() + DIGEST_SUFFIX);
  }

  /** True for the digest files beside locked keys, which are never placed on a host. */
  public static boolean isDigestFile(Path p) {
    return p.getFileName().toString().endsWith(DIGEST_SUFFIX);
  }

  /**
   * The sha256 a host sees for {@code file}: of the file itself, or for a locked key the decrypted key's,
   * from the digest file written with it.
   */
  public static String placedDigest(Path file) {
    try {
      Path digest = digestOf(file);
      if (Files.isRegularFile(digest) && LockedKeys.isLocked(Files.readString(file, StandardCharsets.US_ASCII))) {
        return Files.readString(digest, StandardCharsets.US_ASCII).strip();
      }
      return Sha256.remembered(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * For an encrypted CA key that a host receives (the cluster CA and service-account keys go to the
   * masters): its decrypted PEM, checked against the digest recorded with it. Empty for any other file.
   */
  public static Optional<String> openedForHost(Path file, PkiPassphrase passphrase) {
    try {
      String pem = Files.readString(file, StandardCharsets.US_ASCII);
      if (!LockedKeys.isLocked(pem)) {
        return Optional.empty();
      }
      String plain = Pem.privateKey(LockedKeys.unlock(file, pem, passphrase, "Kubeyard must open "
          + file.getFileName() + " to place it on a master"));
      Path digest = digestOf(file);
      if (!Files.isRegularFile(digest) || !Files.readString(digest, StandardCharsets.US_ASCII).strip()
          .equals(Sha256.of(plain))) {
        throw new PkiException(file + " is not the key the plan was written with (" + digest.getFileName()
            + " records another)", "write the plan again (kubeyard plan), then apply");
      }
      return Optional.of(plain);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void writePublic(Path target, String pem) {
    write(target, pem, PUBLIC);
  }

  private void write(Path target, String pem, Set<PosixFilePermission> permissions) {
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX,
          OwnerOnly.atCreation(dir, permissions));
      // Still empty: on ACL file systems (Windows) this is where a key becomes owner-only; on POSIX the
      // umask may have narrowed 0644 at creation and this widens it.
      if (permissions.equals(PRIVATE)) {
        OwnerOnly.restrict(temp, PRIVATE);
      } else {
        OwnerOnly.worldReadable(temp, permissions);
      }
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(pem.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private void syncDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some file systems cannot sync a directory; the rename itself is still atomic.
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // the next run removes leftovers
      }
    }
  }
}
