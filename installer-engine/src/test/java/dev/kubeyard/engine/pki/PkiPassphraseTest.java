package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiPassphraseTest {
  @TempDir
  Path tmp;

  @Test
  void theEnvironmentVariableComesBeforeTheFileAndNeitherBeforeTheFallback() throws IOException {
    Path file = Files.writeString(tmp.resolve("pass"), "from the file here\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThat(PkiPassphrase.fromEnvironment(Map.of(PkiPassphrase.ENVIRONMENT, "from the variable",
        PkiPassphrase.FILE_ENVIRONMENT, file.toString()), PkiPassphrase.none()).get("test")).isEqualTo("from the variable".toCharArray());
    assertThat(PkiPassphrase.fromEnvironment(Map.of(PkiPassphrase.FILE_ENVIRONMENT, file.toString()),
        PkiPassphrase.none()).get("test")).isEqualTo("from the file here".toCharArray());
    assertThat(PkiPassphrase.fromEnvironment(Map.of(), PkiPassphrase.of("fallback", "the fallback one".toCharArray()))
        .origin()).isEqualTo("fallback");
  }

  @Test
  void aPassphraseFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() throws IOException {
    Path file = Files.writeString(tmp.resolve("pass"), "a long passphrase\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> PkiPassphrase.file(file).get("test"))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("can be read by other users: a passphrase file must be readable by its owner only")
        .hasMessageContaining("chmod 600 " + file);
  }

  @Test
  void aPromptIsAskedOnceAPerRunAndAnEmptyAnswerStopsTheRun() {
    int[] asked = {0};
    PkiPassphrase once = PkiPassphrase.prompt("the prompt", why -> {
      asked[0]++;
      return "typed once only".toCharArray();
    });
    once.get("first");
    once.get("second");
    assertThat(asked[0]).isEqualTo(1);

    assertThatThrownBy(() -> PkiPassphrase.prompt("the prompt", why -> null).get("Kubeyard must open ca-key.pem"))
        .isInstanceOf(PkiException.class).hasMessageStartingWith("Kubeyard must open ca-key.pem, which needs the PKI "
            + "passphrase, but the prompt gave none");
  }
}
