package dev.kubeyard.engine.transport;

import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.SshSpec;
import java.nio.file.Path;

/**
 * Where and as whom to log in, and the shell the host speaks: from a defaulted host spec. With {@code agent}
 * the keys of the running ssh-agent are offered instead of {@code privateKey}; {@code keyPassphraseFrom} says
 * where the passphrase of an encrypted {@code privateKey} comes from ({@code env:}, {@code file:}, {@code prompt}).
 */
public record SshTarget(String host, String address, int port, String user, Path privateKey, String passwordFrom,
    HostShell shell, boolean agent, String keyPassphraseFrom) {

  /** A Linux host. */
  public SshTarget(String host, String address, int port, String user, Path privateKey, String passwordFrom) {
    this(host, address, port, user, privateKey, passwordFrom, HostShell.of(OsFamily.LINUX));
  }

  /** A key file without passphrase, or a password. */
  public SshTarget(String host, String address, int port, String user, Path privateKey, String passwordFrom,
      HostShell shell) {
    this(host, address, port, user, privateKey, passwordFrom, shell, false, null);
  }

  /** The same host, logging in with the running ssh-agent's keys. */
  public SshTarget withAgent() {
    return new SshTarget(host, address, port, user, privateKey, passwordFrom, shell, true, keyPassphraseFrom);
  }

  /** The same host, its key's passphrase from {@code from}. */
  public SshTarget withKeyPassphraseFrom(String from) {
    return new SshTarget(host, address, port, user, privateKey, passwordFrom, shell, agent, from);
  }

  public static SshTarget of(HostSpec h) {
    SshSpec ssh = h.ssh();
    Path key = ssh.privateKey() == null || ssh.privateKey().isBlank() ? null : expandHome(ssh.privateKey());
    return new SshTarget(h.name(), h.address(), ssh.port() == null ? 22 : ssh.port(),
        ssh.user() == null ? "root" : ssh.user(), key, ssh.passwordFrom(), HostShell.of(h.os()), ssh.usesAgent(),
        ssh.privateKeyPassphraseFrom());
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
