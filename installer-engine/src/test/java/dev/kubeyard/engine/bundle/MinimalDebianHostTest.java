package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's Debian part is complete for a minimal Debian 12 host: on a debootstrap minbase root
 * (made once by tools/build-bundle.sh) with only the bundle's debian/ trees and links added, every host
 * command starts. A missing library would stop it with "error while loading shared libraries".
 */
@Tag(BuiltBundle.TAG)
class MinimalDebianHostTest {

  @TempDir
  Path tmp;

  private Path merged;

  @BeforeEach
  void mountMinimalHostWithTheBundle() throws IOException {
    Path minbase = BundleCache.fromEnvironment().root().resolve("debian/minbase-bookworm");
    assertThat(minbase.resolve("usr/bin/apt")).as("no minimal Debian root at %s; run tools/build-bundle.sh", minbase)
        .exists();
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    merged = Files.createDirectories(tmp.resolve("merged"));
    sh("mount -t overlay overlay -o lowerdir=" + minbase + ",upperdir=" + upper + ",workdir=" + work + " " + merged);
    Path bundle = BuiltBundle.folder();
    BundleManifest manifest = BuiltBundle.manifest();
    for (String pkg : manifest.files().stream().filter(f -> f.source() == Source.DEBIAN).map(BundleFile::component)
        .distinct().toList()) {
      // Debian 12 roots are merged-/usr (/bin -> usr/bin): keep those links, as dpkg does.
      sh("tar -C " + bundle.resolve("debian/" + pkg) + " -cf - . | tar -C " + merged + " --keep-directory-symlink -xf -");
    }
    for (BundleLink link : manifest.links()) {
      String hostPath = link.path().replaceFirst("^debian/[^/]+/", "");
      sh("mkdir -p " + merged.resolve(hostPath).getParent() + " && ln -sfn " + link.target() + " " + merged.resolve(hostPath));
    }
  }

  @AfterEach
  void unmount() {
    if (merged != null) {
      Proc.run(null, "umount", merged.toString());
    }
  }

  @Test
  void startsEveryHostCommandOnAMinimalDebian() {
    List<String> failures = new ArrayList<>();
    for (String[] command : List.of(
        new String[] {"haproxy", "-v"},
        new String[] {"keepalived", "--version"},
        new String[] {"containerd", "--version"},
        new String[] {"ctr", "--version"},
        new String[] {"containerd-shim-runc-v2", "-v"},
        new String[] {"runc", "--version"},
        new String[] {"conntrack", "--version"},
        new String[] {"iptables", "--version"},
        new String[] {"iptables-save", "--version"},
        new String[] {"socat", "-V"},
        new String[] {"/usr/lib/cni/bridge"})) {
      List<String> cmd = new ArrayList<>(List.of("chroot", merged.toString(), "/usr/bin/env",
          "PATH=/usr/sbin:/usr/bin:/sbin:/bin"));
      cmd.addAll(List.of(command));
      Proc.Result r = Proc.run(null, cmd.toArray(String[]::new));
      if (r.exit() == 126 || r.exit() == 127 || r.output().contains("error while loading shared libraries")
          || r.output().contains("No such file or directory")) {
        failures.add(r.toString());
      }
    }
    assertThat(failures).isEmpty();
  }

  private static void sh(String command) {
    Proc.Result r = Proc.run(null, "sh", "-c", command);
    assertThat(r.exit()).as(r.toString()).isZero();
  }
}
