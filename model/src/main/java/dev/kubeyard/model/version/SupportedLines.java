package dev.kubeyard.model.version;

import java.util.List;

/**
 * The Kubernetes lines Kubeyard installs: 1.14 (what the user asked for) and the current lines whose
 * binaries the bundle can carry.
 */
public final class SupportedLines {
  /** 1.14 and the current line 1.34 to 1.37. */
  public static final List<String> LINES = List.of("1.14", "1.34", "1.35", "1.36", "1.37");

  /** The version the test lab builds and runs. */
  public static final String CURRENT = "1.35.0";

  /** The version the original notes target. */
  public static final String LEGACY = "1.14.10";

  private SupportedLines() {}

  public static boolean supports(KubernetesVersion v) {
    return LINES.contains(v.line());
  }

  public static String describe() {
    return String.join(", ", LINES.stream().map(l -> l + ".x").toList());
  }
}
