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
    Path archive = b.output.resolveSibling(b.output.getFileName() + ".tar.gz");
    Path packed = b.output.resolveSibling(b.output.getFileName() + ".tar.gz.manifest-sha256");
    String manifest = Sha256.of(ManifestJson.location(b.output)) + " " + LAYOUT;
    if (Files.isRegularFile(archive) && Files.isRegularFile(packed) && Files.readString(packed).trim().equals(manifest)) {
      b.archiveFile = archive;
      b.progress.accept("  " + archive + " already holds this manifest's files; kept");
      return;
    }
    Files.deleteIfExists(packed);
    b.archiveFile = write(b.output);
    Files.writeString(packed, manifest + "\n");
    b.progress.accept("  " + b.archiveFile + " (" + BundleListing.size(Files.size(b.archiveFile)) + ")");
  }

  static Path write(Path folder) throws IOException {
    Path archive = folder.resolveSibling(folder.getFileName() + ".tar.gz");
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
