package dev.kubeyard.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.files.Sha256;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.pki.KeyFiles;
import dev.kubeyard.engine.pki.PkiException;
import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.testing.RepoRoot;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.RemoteFile;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 37: a master receives the cluster CA key decrypted; the plan folder keeps it encrypted. */
class PlanSourcesTest {
  private static final PkiPassphrase RIGHT = PkiPassphrase.of("test", "unit tests only, not a secret".toCharArray());

  @TempDir
  Path planDir;
  final List<String> uploaded = new ArrayList<>();
  final List<Path> sentFrom = new ArrayList<>();

  @BeforeEach
  void pki() {
    ClusterFacts facts = ClusterFacts.of(Validator.load(RepoRoot.path().resolve("resources/examples/cluster.yaml"))
        .validSpec());
    ClusterPki.ensure(facts, planDir.resolve("pki"), Clock.systemUTC(), RIGHT);
  }

  @Test
  void anEncryptedCaKeyIsSentDecryptedFromATemporaryFileThatIsGoneAfterwards() {
    Path caKey = planDir.resolve("pki/ca-key.pem");
    Action.PutFile put = new Action.PutFile("/etc/kubernetes/ssl/ca-key.pem", "pki/ca-key.pem",
        KeyFiles.placedDigest(caKey), 0600);

    new PlanSources(planDir, RIGHT).upload(recorder(), put, Duration.ofSeconds(5));

    assertThat(uploaded).singleElement().asString().startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Sha256.of(uploaded.get(0))).isEqualTo(put.sha256());
    assertThat(sentFrom.get(0)).isNotEqualTo(caKey).doesNotExist();
  }

  @Test
  void aLeafKeyAndARehearsalSendTheFileAsItIsAndAskForNoPassphrase() {
    Action.PutFile leaf = new Action.PutFile("/etc/kubernetes/ssl/admin-key.pem", "pki/admin-key.pem",
        KeyFiles.placedDigest(planDir.resolve("pki/admin-key.pem")), 0600);
    new PlanSources(planDir, PkiPassphrase.none()).upload(recorder(), leaf, Duration.ofSeconds(5));
    Action.PutFile ca = new Action.PutFile("/etc/kubernetes/ssl/ca-key.pem", "pki/ca-key.pem", "0".repeat(64), 0600);
    new PlanSources(planDir, null).upload(recorder(), ca, Duration.ofSeconds(5));

    assertThat(sentFrom).containsExactly(planDir.resolve("pki/admin-key.pem"), planDir.resolve("pki/ca-key.pem"));
  }

  @Test
  void aWrongPassphraseSendsNothing() {
    Action.PutFile put = new Action.PutFile("/etc/kubernetes/ssl/sa-key.pem", "pki/sa-key.pem",
        KeyFiles.placedDigest(planDir.resolve("pki/sa-key.pem")), 0600);
    assertThatThrownBy(() -> new PlanSources(planDir, PkiPassphrase.of("a test", "a wrong passphrase".toCharArray()))
        .upload(recorder(), put, Duration.ofSeconds(5)))
        .isInstanceOf(PkiException.class).hasMessageContaining("sa-key.pem does not open with the passphrase from a test");
    assertThat(uploaded).isEmpty();
  }

  private Transport recorder() {
    return new Transport() {
      @Override
      public String host() {
        return "master1";
      }

      @Override
      public void connect() {}

      @Override
      public CommandResult run(String command, Duration timeout, Consumer<String> lines) {
        throw new AssertionError("no command expected");
      }

      @Override
      public CommandResult run(String command, Path stdin, Duration timeout, Consumer<String> lines) {
        throw new AssertionError("no command expected");
      }

      @Override
      public void upload(Path local, RemoteFile target, Duration timeout) {
        try {
          sentFrom.add(local);
          uploaded.add(Files.readString(local));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void cancel() {}

      @Override
      public void close() {}
    };
  }
}
