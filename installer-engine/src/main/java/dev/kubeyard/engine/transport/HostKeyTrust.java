package dev.kubeyard.engine.transport;

/**
 * Decides about a host key that known_hosts does not list yet. The CLI refuses (the user runs
 * {@code kubeyard hosts trust}); the desktop asks the user, showing the fingerprint. A changed key is
 * never offered here: it is always refused.
 */
@FunctionalInterface
public interface HostKeyTrust {
  boolean trust(OfferedHostKey key);

  /** Refuse every unknown key; the error tells the user how to trust it. */
  HostKeyTrust REFUSE = key -> false;

  /** Trust exactly this fingerprint (what the user read on the host's console), nothing else. */
  static HostKeyTrust fingerprint(String expected) {
    return key -> key.fingerprint().equals(expected);
  }
}
