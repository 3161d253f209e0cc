package dev.kubeyard.engine.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the SSH transport behaves: the known_hosts file it trusts, what it does with unknown keys, how
 * fast it gives up on a silent host, and whether temp files stay on the host after a failed upload.
 */
public record SshSettings(Path knownHosts, HostKeyTrust trust, Duration connectTimeout, Duration keepAlive,
    int keepAliveCountMax, boolean retainTempFiles) {

  /** Defaults: refuse unknown keys, 10 s to connect, a silent host is dropped after 3 x 5 s. */
  public static SshSettings of(Path knownHosts) {
    return new SshSettings(knownHosts, HostKeyTrust.REFUSE, Duration.ofSeconds(10), Duration.ofSeconds(5), 3, false);
  }

  public SshSettings withTrust(HostKeyTrust t) {
    return new SshSettings(knownHosts, t, connectTimeout, keepAlive, keepAliveCountMax, retainTempFiles);
  }

  public SshSettings withKeepAlive(Duration interval, int countMax) {
    return new SshSettings(knownHosts, trust, connectTimeout, interval, countMax, retainTempFiles);
  }

  public SshSettings retainingTempFiles(boolean retain) {
    return new SshSettings(knownHosts, trust, connectTimeout, keepAlive, keepAliveCountMax, retain);
  }
}
