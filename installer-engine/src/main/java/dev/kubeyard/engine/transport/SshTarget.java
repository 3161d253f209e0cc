package dev.kubeyard.engine.transport;

import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.SshSpec;
import java.nio.file.Path;

/** Where and as whom to log in, and the shell the host speaks: from a defaulted host spec. */
public record SshTarget(String host, String address, int port, String user, Path privateKey, String passwordFrom,
    HostShell shell) {

  /** A Linux host. */
  public SshTarget(String host, String address, int port, String user, Path privateKey, String passwordFrom) {
    this(host, address, port, user, privateKey, passwordFrom, HostShell.of(OsFamily.LINUX));
  }

  public static SshTarget of(HostSpec h) {
    SshSpec ssh = h.ssh();
    Path key = ssh.privateKey() == null || ssh.privateKey().isBlank() ? null : expandHome(ssh.privateKey());
    return new SshTarget(h.name(), h.address(), ssh.port() == null ? 22 : ssh.port(),
        ssh.user() == null ? "root" : ssh.user(), key, ssh.passwordFrom(), HostShell.of(h.os()));
  }

  public String knownHostsName() {
    return KnownHostsFile.nameOf(address, port);
  }

  static Path expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + path.substring(1));
    }
    return Path.of(path);
  }
}
