package dev.kubeyard.engine.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the SSH transport behaves: the known_hosts file it trusts, what it does with unknown keys, how
 * fast it gives up on a silent host, and whether temp files stay on the host after a failed upload.
 */
public record SshSettings(Path knownHosts, HostKeyTrust trust, Duration connectTimeout, Duration keepAlive,
    int keepAliveCountMax, boolean retainTempFiles, KeyPassphrasePrompt keyPrompt, Path agentSocket) {

  /**
   * Defaults: refuse unknown keys, 10 s to connect, a silent host is dropped after 3 x 5 s; no prompt for a
   * key's passphrase; the ssh-agent at {@code SSH_AUTH_SOCK}.
   */
  public static SshSettings of(Path knownHosts) {
    String sock = System.getenv("SSH_AUTH_SOCK");
    return new SshSettings(knownHosts, HostKeyTrust.REFUSE, Duration.ofSeconds(10), Duration.ofSeconds(5), 3, false,
        KeyPassphrasePrompt.NONE, sock == null || sock.isBlank() ? null : Path.of(sock));
  }

  public SshSettings withTrust(HostKeyTrust t) {
    return new SshSettings(knownHosts, t, connectTimeout, keepAlive, keepAliveCountMax, retainTempFiles, keyPrompt,
        agentSocket);
  }

  public SshSettings withKeepAlive(Duration interval, int countMax) {
    return new SshSettings(knownHosts, trust, connectTimeout, interval, countMax, retainTempFiles, keyPrompt, agentSocket);
  }

  public SshSettings retainingTempFiles(boolean retain) {
    return new SshSettings(knownHosts, trust, connectTimeout, keepAlive, keepAliveCountMax, retain, keyPrompt, agentSocket);
  }

  /** Who is asked for a key's passphrase when the spec says {@code privateKeyPassphraseFrom: prompt}. */
  public SshSettings withKeyPrompt(KeyPassphrasePrompt prompt) {
    return new SshSettings(knownHosts, trust, connectTimeout, keepAlive, keepAliveCountMax, retainTempFiles, prompt,
        agentSocket);
  }

  /** The ssh-agent's socket ({@code ssh.agent: true}); by default {@code SSH_AUTH_SOCK}. */
  public SshSettings withAgentSocket(Path socket) {
    return new SshSettings(knownHosts, trust, connectTimeout, keepAlive, keepAliveCountMax, retainTempFiles, keyPrompt,
        socket);
  }
}
