package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  @TempDir
  Path tmp;

  @Test
  void createsTheDirectoryPrivateAndTightensALooseOne() throws IOException {
    KeyFiles.at(tmp.resolve("new/pki")).prepare();
    assertThat(perms(tmp.resolve("new/pki"))).isEqualTo("rwx------");

    Path loose = Files.createDirectory(tmp.resolve("loose"));
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxr-xr-x"));
    KeyFiles.at(loose).prepare();
    assertThat(perms(loose)).isEqualTo("rwx------");
  }

  @Test
  void aRewrittenKeyReplacesTheOldOneWholeAndStays0600() throws IOException {
    KeyFiles files = KeyFiles.at(tmp);
    files.prepare();
    files.writePrivate(files.privateKey("x"), "old\n");
    files.writePrivate(files.privateKey("x"), "new\n");

    assertThat(files.privateKey("x")).hasContent("new");
    assertThat(perms(files.privateKey("x"))).isEqualTo("rw-------");
    try (Stream<Path> all = Files.list(tmp)) {
      assertThat(all.map(p -> p.getFileName().toString())).containsExactly("x-key.pem");
    }
  }

  @Test
  void certificatesAreWorldReadableWhateverTheUmaskLetThrough() throws IOException {
    KeyFiles files = KeyFiles.at(tmp);
    files.prepare();
    files.writePublic(files.certificate("x"), "cert\n");
    assertThat(perms(files.certificate("x"))).isEqualTo("rw-r--r--");
  }

  @Test
  void onlyItsOwnLeftoverTemporaryFilesAreRemoved() throws IOException {
    Path leftover = Files.writeString(tmp.resolve(".ca-key.pem.42.tmp"), "half a key");
    Path unrelated = Files.writeString(tmp.resolve(".notes.tmp"), "someone else's");
    KeyFiles.at(tmp).prepare();
    assertThat(leftover).doesNotExist();
    assertThat(unrelated).exists();
  }

  @Test
  void listsCertificatesButNotKeys() throws IOException {
    KeyFiles files = KeyFiles.at(tmp);
    files.prepare();
    files.writePublic(files.certificate("b"), "b");
    files.writePublic(files.certificate("a"), "a");
    files.writePrivate(files.privateKey("a"), "k");
    files.writePublic(files.publicKey("sa"), "p");
    assertThat(files.certificateNames()).containsExactly("a", "b");
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
