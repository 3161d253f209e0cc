package dev.kubeyard.engine.apps.gitlab;

import java.security.SecureRandom;

/**
 * The passwords and tokens Kubeyard generates for GitLab and its data tier: letters and digits only, so
 * nothing needs quoting in a connection string, an auth file, a Redis config or a shell; without the
 * look-alikes (I, O, l, 0, 1) for the one an administrator may have to type.
 */
public final class GeneratedPassword {
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private GeneratedPassword() {}

  /** {@code length} characters drawn from {@code random}: about 5.8 bits each. */
  public static String of(SecureRandom random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
