package dev.kubeyard.model.version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes release version such as 1.14.10; the minor number decides which flags and APIs exist. */
public record KubernetesVersion(int major, int minor, int patch) implements Comparable<KubernetesVersion> {

  private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

  public static Optional<KubernetesVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new KubernetesVersion(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  public static KubernetesVersion of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
  }

  /** True when this release is at or after {@code 1.minor}. */
  public boolean atLeast(int minorOfOne) {
    return major > 1 || (major == 1 && minor >= minorOfOne);
  }

  public String line() {
    return major + "." + minor;
  }

  @Override
  public int compareTo(KubernetesVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
