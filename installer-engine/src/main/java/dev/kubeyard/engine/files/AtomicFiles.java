package dev.kubeyard.engine.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see the old content or the new, never half of it, and so that a
 * secret is never readable by others, not even for a moment: the temp file is created with its final
 * permissions, then renamed into place.
 */
public final class AtomicFiles {
  public static final String OWNER_ONLY = "rw-------";
  public static final String WORLD_READABLE = "rw-r--r--";

  private AtomicFiles() {}

  public static void write(Path target, String content, String permissions) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString(permissions);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", OwnerOnly.atCreation(dir, mode));
    try {
      if (permissions.equals(OWNER_ONLY)) {
        OwnerOnly.restrict(tmp, mode);
      } else {
        OwnerOnly.worldReadable(tmp, mode);
      }
      Files.writeString(tmp, content);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
