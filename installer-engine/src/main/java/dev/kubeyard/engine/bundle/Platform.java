package dev.kubeyard.engine.bundle;

import java.util.Locale;

/**
 * An operating system and CPU architecture in Go's and OCI's words: linux/amd64, windows/amd64,
 * linux/arm64. Debian's architecture names agree for these.
 */
public record Platform(String os, String architecture) {

  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64");
  public static final Platform WINDOWS_AMD64 = new Platform("windows", "amd64");

  public Platform {
    os = os.toLowerCase(Locale.ROOT);
    architecture = architecture.toLowerCase(Locale.ROOT);
  }

  /** Parses "linux/amd64" or "linux-amd64". */
  public static Platform parse(String text) {
    String[] parts = text.split("[/-]", 2);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("not a platform: '" + text + "'; use for example linux/amd64");
    }
    return new Platform(parts[0], parts[1]);
  }

  /** The folder name used inside a bundle, e.g. linux-amd64. */
  public String folder() {
    return os + "-" + architecture;
  }

  public boolean isWindows() {
    return os.equals("windows");
  }

  @Override
  public String toString() {
    return os + "/" + architecture;
  }
}
