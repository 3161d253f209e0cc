package dev.kubeyard.engine.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Debian rootfs every lab host starts from, made once with debootstrap and cached. Host keys and
 * the machine id are removed from it: each host gets its own when it is created.
 */
public final class BaseImage {
  /** What a lab host needs to be a Kubeyard target: systemd, sshd and the tools the steps call. */
  public static final List<String> PACKAGES = List.of("systemd", "systemd-sysv", "dbus", "iproute2", "openssh-server",
      "curl", "ca-certificates", "procps", "iptables", "kmod", "conntrack", "socat", "iputils-ping");
  public static final String SUITE = "bookworm";
  private static final String READY = ".kubeyard-base";

  private final Path dir;
  private final String mirror;

  public BaseImage(Path dir, String mirror) {
    this.dir = dir;
    this.mirror = mirror;
  }

  public Path dir() {
    return dir;
  }

  public boolean ready() {
    return Files.exists(dir.resolve(READY));
  }

  /** Builds the base (about a minute and 300 MB) unless it is there; a half-built one is redone. */
  public void ensure() {
    if (ready()) {
      return;
    }
    Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
    if (!Files.exists(partial.resolve("etc/os-release"))) {
      LocalCommand.sh("rm -rf " + partial);
      LocalCommand.run(1800, "debootstrap", "--variant=minbase", "--include=" + String.join(",", PACKAGES),
          SUITE, partial.toString(), mirror)
          .orThrow("debootstrap needs Debian's archive (" + mirror + ") and root; apt-get install debootstrap");
    }
    LocalCommand.sh(String.join(" && ",
        "rm -f " + partial + "/etc/ssh/ssh_host_*",
        ": > " + partial + "/etc/machine-id",
        "rm -f " + partial + "/var/lib/dbus/machine-id",
        "rm -rf " + dir,
        "mv " + partial + " " + dir))
        .orThrow("could not finish the base image in " + dir);
    try {
      Files.writeString(dir.resolve(READY), String.join(",", PACKAGES) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
