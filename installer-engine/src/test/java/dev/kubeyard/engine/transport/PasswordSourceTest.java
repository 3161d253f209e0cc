package dev.kubeyard.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** passwordFrom (the fallback to key login) reads env: or file:, and no message ever shows the password. */
class PasswordSourceTest {
  @TempDir Path dir;

  @Test
  void readsTheFirstLineOfAPasswordFile() throws Exception {
    Path f = dir.resolve("pw");
    Files.writeString(f, "s3cret-value\nsecond line\n");
    assertThat(PasswordSource.resolve("lb1", "file:" + f)).isEqualTo("s3cret-value");
  }

  @Test
  void anUnsetVariableIsReportedByNameWithAHint() {
    assertThatThrownBy(() -> PasswordSource.resolve("lb1", "env:KUBEYARD_TEST_SURELY_UNSET"))
        .isInstanceOf(TransportException.class).hasMessageContaining("lb1").hasMessageContaining("KUBEYARD_TEST_SURELY_UNSET")
        .satisfies(e -> assertThat(((TransportException) e).hint()).contains("export KUBEYARD_TEST_SURELY_UNSET"));
  }

  @Test
  void aMissingPasswordFileIsReportedWithoutItsContentOrAStackOfDetails() {
    assertThatThrownBy(() -> PasswordSource.resolve("lb1", "file:" + dir.resolve("absent")))
        .isInstanceOf(TransportException.class).hasMessageContaining("cannot read the password file");
  }

  @Test
  void noPasswordFromMeansKeyLoginOnly() {
    assertThat(PasswordSource.resolve("lb1", null)).isNull();
  }
}
