package dev.kubeyard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under desktop/src/test/golden. After an intended change, regenerate with
 * {@code desktop/run-ui-tests.sh -Dkubeyard.updateGolden=true} and review the diff.
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = Path.of(System.getProperty("kubeyard.golden", "src/test/golden")).resolve(name);
    if (Boolean.getBoolean("kubeyard.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
    }
    assertThat(file).as("golden file " + file + " (regenerate with -Dkubeyard.updateGolden=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(file));
  }
}
