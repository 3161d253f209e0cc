package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleListing;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.files.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Packs the bundle folder into FOLDER.tar.gz beside it, entries sorted, times fixed and modes kept
 * (0755 for executables), so copying the bundle is one file. Skipped when the archive was made from
 * the same manifest (the sha256 of manifest.json is kept beside it): the files are then the same too.
 */
final class ArchiveBundle implements BuildStep {

  /** Changes whenever the way the archive is written changes, so older archives are rewritten. */
  static final String LAYOUT = "tar-posix-gzip6-v2";

  @Override
  public String title() {
    return "the .tar.gz of the bundle";
  }

  @Override
  public void run(BundleBuild b) throws IOException {
    if (!b.archive) {
      return;
    }
    Path archive = archiveOf(b.output);
    if (current(b.output)) {
      b.archiveFile = archive;
      b.progress.accept("  " + archive + " already holds this manifest's files; kept");
      return;
    }
    b.archiveFile = repack(b.output);
    b.progress.accept("  " + b.archiveFile + " (" + BundleListing.size(Files.size(b.archiveFile)) + ")");
  }

  /** FOLDER.tar.gz beside the bundle folder. */
  static Path archiveOf(Path folder) {
    return folder.resolveSibling(folder.getFileName() + ".tar.gz");
  }

  /** Beside the archive: the sha256 of the manifest.json it was packed from, and the layout. */
  static Path stampOf(Path folder) {
    return folder.resolveSibling(folder.getFileName() + ".tar.gz.manifest-sha256");
  }

  /** Whether FOLDER.tar.gz exists and was packed from the folder's present manifest.json. */
  static boolean current(Path folder) throws IOException {
    Path stamp = stampOf(folder);
    return Files.isRegularFile(archiveOf(folder)) && Files.isRegularFile(stamp)
        && Files.readString(stamp).trim().equals(stamp(folder));
  }

  /** Writes FOLDER.tar.gz anew and records which manifest it holds. */
  static Path repack(Path folder) throws IOException {
    Files.deleteIfExists(stampOf(folder));
    Path archive = write(folder);
    Files.writeString(stampOf(folder), stamp(folder) + "\n");
    return archive;
  }

  /** Removes FOLDER.tar.gz and its stamp, so no copy of a stale archive reaches a site. */
  static void remove(Path folder) throws IOException {
    Files.deleteIfExists(stampOf(folder));
    Files.deleteIfExists(archiveOf(folder));
  }

  private static String stamp(Path folder) throws IOException {
    return Sha256.of(ManifestJson.location(folder)) + " " + LAYOUT;
  }

  static Path write(Path folder) throws IOException {
    Path archive = archiveOf(folder);
    Path partial = folder.resolveSibling(folder.getFileName() + ".tar.gz.tmp");
    GzipParameters gzip = new GzipParameters();
    gzip.setCompressionLevel(6);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file, gzip))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(folder)) {
        paths = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path p : paths) {
        // Built from the name only: an entry made from the File would carry its creation time as a
        // LIBARCHIVE.creationtime header, which GNU tar warns about for every file.
        TarArchiveEntry entry = new TarArchiveEntry(
            folder.getFileName() + "/" + folder.relativize(p).toString().replace('\\', '/'));
        entry.setSize(Files.size(p));
        entry.setModTime(0);
        entry.setMode(mode(p));
        entry.setUserName("root");
        entry.setGroupName("root");
        entry.setIds(0, 0);
        tar.putArchiveEntry(entry);
        Files.copy(p, tar);
        tar.closeArchiveEntry();
      }
    }
    Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return archive;
  }

  private static int mode(Path p) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
    return TarArchiveEntry.DEFAULT_FILE_MODE | (perms.contains(PosixFilePermission.OWNER_EXECUTE) ? 0111 : 0);
  }
}
