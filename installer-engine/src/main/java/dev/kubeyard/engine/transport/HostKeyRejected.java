package dev.kubeyard.engine.transport;

import java.nio.file.Path;

/** The connection was refused because the host key is unknown or, worse, changed. */
public final class HostKeyRejected extends TransportException {
  private static final long serialVersionUID = 1L;
  private final transient OfferedHostKey offered;
  private final String expectedFingerprint;

  private HostKeyRejected(String message, String hint, OfferedHostKey offered, String expectedFingerprint) {
    super(offered.hostName(), message, hint, null);
    this.offered = offered;
    this.expectedFingerprint = expectedFingerprint;
  }

  static HostKeyRejected unknown(OfferedHostKey offered, Path knownHosts) {
    return new HostKeyRejected(
        "the host key of " + offered.knownHostsName() + " is not known: " + offered.type() + " "
            + offered.fingerprint() + " (not in " + knownHosts + ")",
        "compare the fingerprint with the one on the host's console (ssh-keygen -lf "
            + "/etc/ssh/ssh_host_" + keyFileType(offered.type()) + "_key.pub); if they match, trust it with: "
            + "kubeyard hosts trust -f cluster.yaml " + offered.hostName() + " --fingerprint " + offered.fingerprint(),
        offered, null);
  }

  static HostKeyRejected changed(OfferedHostKey offered, String expected, Path knownHosts) {
    return new HostKeyRejected(
        "HOST KEY CHANGED for " + offered.knownHostsName() + ": " + knownHosts + " expects "
            + expected + " but the host offered " + offered.type() + " " + offered.fingerprint()
            + "; refusing to connect (the host was reinstalled, or someone is intercepting the connection)",
        "verify the new key on the host's console (ssh-keygen -lf /etc/ssh/ssh_host_" + keyFileType(offered.type())
            + "_key.pub); if the host was really reinstalled, remove the old entry with "
            + "ssh-keygen -R '" + offered.knownHostsName() + "' -f " + knownHosts
            + " and trust the new one with kubeyard hosts trust",
        offered, expected);
  }

  private static String keyFileType(String type) {
    return type.contains("ed25519") ? "ed25519" : type.startsWith("ecdsa") ? "ecdsa" : "rsa";
  }

  public OfferedHostKey offered() {
    return offered;
  }

  public boolean changed() {
    return expectedFingerprint != null;
  }

  /** The fingerprint known_hosts expected; null when the key was merely unknown. */
  public String expectedFingerprint() {
    return expectedFingerprint;
  }
}
