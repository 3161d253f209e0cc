package dev.kubeyard.engine.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Owner-only files and folders on any file system the work machine may have (ADR 37): POSIX modes where
 * the file system has them (Linux, macOS), otherwise an ACL with one entry, the owner's, and nothing
 * inherited (Windows NTFS). A file system with neither cannot keep a key private, so writing a private
 * file there is refused with a message rather than done silently.
 */
public final class OwnerOnly {
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** How {@code p}'s file system says who may read a file. */
  public enum Model { POSIX, ACL, NONE }

  public static Model modelOf(Path p) {
    Set<String> views = p.getFileSystem().supportedFileAttributeViews();
    return views.contains("posix") ? Model.POSIX : views.contains("acl") ? Model.ACL : Model.NONE;
  }

  /**
   * Attributes for {@code Files.createFile/createTempFile/createDirectory} that give {@code posix} at
   * creation on a POSIX file system; none elsewhere (follow with {@link #restrict} before writing).
   */
  public static FileAttribute<?>[] atCreation(Path where, Set<PosixFilePermission> posix) {
    return modelOf(where) == Model.POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(posix)} : new FileAttribute<?>[0];
  }

  /** Gives {@code p} the POSIX mode {@code posix}, or, on an ACL file system, an owner-only ACL. */
  public static void restrict(Path p, Set<PosixFilePermission> posix) throws IOException {
    switch (modelOf(p)) {
      case POSIX -> Files.setPosixFilePermissions(p, posix);
      case ACL -> ownerOnlyAcl(p);
      case NONE -> throw new IOException(p + " is on a file system with neither POSIX permissions nor ACLs (FAT, "
          + "say), where a private key cannot be kept from other users; put the plan folder on NTFS, ext4 or APFS");
    }
  }

  /**
   * Widens a file to world-readable (0644) on POSIX; on ACL file systems leaves what the folder gives
   * (a certificate is public, nothing to restrict).
   */
  public static void worldReadable(Path p, Set<PosixFilePermission> posix) throws IOException {
    if (modelOf(p) == Model.POSIX) {
      Files.setPosixFilePermissions(p, posix);
    }
  }

  /** True when only the owner may read {@code p}: mode has no group/other bits, or the ACL names only the owner. */
  public static boolean isOwnerOnly(Path p) throws IOException {
    return switch (modelOf(p)) {
      case POSIX -> Files.getPosixFilePermissions(p).stream().allMatch(x -> x.name().startsWith("OWNER_"));
      case ACL -> {
        UserPrincipal owner = Files.getOwner(p);
        yield Files.getFileAttributeView(p, AclFileAttributeView.class).getAcl().stream()
            .allMatch(e -> e.type() != AclEntryType.ALLOW || e.principal().equals(owner));
      }
      case NONE -> false;
    };
  }

  private static void ownerOnlyAcl(Path p) throws IOException {
    AclFileAttributeView view = Files.getFileAttributeView(p, AclFileAttributeView.class);
    UserPrincipal owner = view.getOwner();
    AclEntry.Builder entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
        .setPermissions(EnumSet.allOf(AclEntryPermission.class));
    if (Files.isDirectory(p)) {
      // What is created inside inherits the same single entry.
      entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
    }
    view.setAcl(List.of(entry.build()));
  }
}
