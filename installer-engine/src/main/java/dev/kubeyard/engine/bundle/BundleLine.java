package dev.kubeyard.engine.bundle;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Kubernetes line a bundle is built for. Each line keeps its own Go binaries list and its own
 * pointer to the newest bundle in the cache, so building one line never retargets what the other's tests
 * and labs use: {@code latest} stays the current line's (what CI tests), {@code latest-1.14} is 1.14's.
 */
public enum BundleLine {
  CURRENT("current", ""),
  LEGACY("1.14", "-1.14");

  private final String optionValue;
  private final String suffix;

  BundleLine(String optionValue, String suffix) {
    this.optionValue = optionValue;
    this.suffix = suffix;
  }

  /** The word for it on the command line and in KUBEYARD_KUBERNETES_LINE (tools/build-go-binaries.sh). */
  public String optionValue() {
    return optionValue;
  }

  /** Appended to the cache's file names: "" for the current line, "-1.14" for 1.14. */
  public String suffix() {
    return suffix;
  }

  /** The line of a Kubernetes version, e.g. 1.14.10 or v1.35.8. */
  public static BundleLine ofVersion(String kubernetesVersion) {
    return kubernetesVersion.replaceFirst("^v", "").startsWith(LEGACY.optionValue + ".") ? LEGACY : CURRENT;
  }

  /** {@code current} or {@code 1.14}, as {@code kubeyard bundle build --line} takes it. */
  public static BundleLine parse(String value) {
    return Arrays.stream(values()).filter(l -> l.optionValue.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown Kubernetes line '" + value + "'; use "
            + Arrays.stream(values()).map(BundleLine::optionValue).collect(Collectors.joining(" or "))));
  }

  @Override
  public String toString() {
    return optionValue;
  }
}
