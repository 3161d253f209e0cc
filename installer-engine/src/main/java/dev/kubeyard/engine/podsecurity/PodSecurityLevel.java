package dev.kubeyard.engine.podsecurity;

import java.util.Locale;

/** The Pod Security Standards' levels, from most to least permissive. */
public enum PodSecurityLevel {
  PRIVILEGED, BASELINE, RESTRICTED;

  /** As Pod Security Admission's labels and configuration spell it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
