package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.kubeyard.engine.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PKI folder on a Windows file system (ACLs, no POSIX modes) and on a Unix one, both in memory. */
class KeyFilesOnWindowsTest {

  @Test
  void onWindowsTheFolderAndAKeyGetAnAclNamingOnlyTheOwnerAndNothingThrows() throws IOException {
    try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows().toBuilder()
        .setAttributeViews("basic", "owner", "acl").build())) {
      Path dir = windows.getPath("C:\\Users\\admin\\plan\\pki");
      KeyFiles files = KeyFiles.at(dir);
      files.prepare();
      files.writePrivate(files.privateKey("ca"), "key\n");
      files.writePublic(files.certificate("ca"), "cert\n");

      assertThat(OwnerOnly.modelOf(dir)).isEqualTo(OwnerOnly.Model.ACL);
      List<AclEntry> keyAcl = acl(files.privateKey("ca"));
      assertThat(keyAcl).singleElement().satisfies(e -> assertThat(e.principal()).isEqualTo(Files.getOwner(dir)));
      assertThat(acl(dir)).singleElement().satisfies(e -> assertThat(e.flags()).isNotEmpty());
      assertThat(OwnerOnly.isOwnerOnly(files.privateKey("ca"))).isTrue();
      assertThat(files.privateKey("ca")).hasContent("key");
      assertThat(files.certificate("ca")).hasContent("cert");
    }
  }

  @Test
  void onUnixTheSameCallsGiveModes0700And0600And0644() throws IOException {
    try (FileSystem unix = Jimfs.newFileSystem(Configuration.unix().toBuilder()
        .setAttributeViews("basic", "owner", "posix", "unix").build())) {
      Path dir = unix.getPath("/home/admin/plan/pki");
      KeyFiles files = KeyFiles.at(dir);
      files.prepare();
      files.writePrivate(files.privateKey("ca"), "key\n");
      files.writePublic(files.certificate("ca"), "cert\n");

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey("ca"))))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.certificate("ca"))))
          .isEqualTo("rw-r--r--");
    }
  }

  @Test
  void aFileSystemWithNeitherModesNorAclsRefusesAPrivateKeyWithTheReason() throws IOException {
    try (FileSystem bare = Jimfs.newFileSystem(Configuration.unix())) {
      KeyFiles files = KeyFiles.at(bare.getPath("/pki"));
      org.assertj.core.api.Assertions.assertThatThrownBy(files::prepare)
          .hasRootCauseMessage("/pki is on a file system with neither POSIX permissions nor ACLs (FAT, say), where a "
              + "private key cannot be kept from other users; put the plan folder on NTFS, ext4 or APFS");
    }
  }

  private static List<AclEntry> acl(Path p) throws IOException {
    return Files.getFileAttributeView(p, AclFileAttributeView.class).getAcl();
  }
}
