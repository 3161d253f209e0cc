package dev.kubeyard.engine.transport;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the administrator for the passphrase of an encrypted SSH key ({@code privateKeyPassphraseFrom: prompt}):
 * the CLI on its terminal, the desktop in a dialog. Never stored; {@link #once} asks once per key and run.
 */
@FunctionalInterface
public interface KeyPassphrasePrompt {
  /** No one to ask: a run without a terminal or window. */
  KeyPassphrasePrompt NONE = (host, key) -> {
    throw new TransportException(host, "the SSH key " + key + " needs its passphrase (privateKeyPassphraseFrom: "
        + "prompt) but nothing can ask for it here", "run kubeyard on a terminal or in the desktop, or use "
        + "privateKeyPassphraseFrom: env:NAME, or load the key into ssh-agent (ssh-add) and set agent: true", null);
  };

  /** The passphrase of {@code key} for connecting to {@code host}; null when the administrator declined. */
  char[] ask(String host, Path key);

  /** Asks {@code prompt} once per key file: six hosts sharing a key mean one question. */
  static KeyPassphrasePrompt once(KeyPassphrasePrompt prompt) {
    Map<Path, char[]> known = new ConcurrentHashMap<>();
    return (host, key) -> {
      char[] answer = known.computeIfAbsent(key.toAbsolutePath(), k -> prompt.ask(host, key));
      return answer == null ? null : answer.clone();
    };
  }
}
