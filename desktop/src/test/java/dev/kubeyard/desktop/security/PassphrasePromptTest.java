package dev.kubeyard.desktop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.transport.KeyPassphrasePrompt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The passphrase dialog runs on the "FX" thread while the work waits on its own; nothing is kept. */
class PassphrasePromptTest {
  private final ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
  private final List<String> dialogThreads = new ArrayList<>();
  private final List<PassphrasePrompt.Request> shown = new ArrayList<>();

  @AfterEach
  void stop() {
    fx.shutdownNow();
  }

  private PassphrasePrompt typing(String typed) {
    return new PassphrasePrompt(fx, () -> Thread.currentThread().getName().equals("fake-fx"), r -> {
      dialogThreads.add(Thread.currentThread().getName());
      shown.add(r);
      return typed == null ? Optional.empty() : Optional.of(typed.toCharArray());
    });
  }

  @Test
  void theDialogRunsOnTheFxThreadAndTheWorkerGetsWhatWasTyped() {
    char[] answer = typing("typed in the dialog").ask(new PassphrasePrompt.Request(PassphrasePrompt.Kind.PKI,
        "Kubeyard must open ca-key.pem"));

    assertThat(answer).isEqualTo("typed in the dialog".toCharArray());
    assertThat(dialogThreads).containsExactly("fake-fx");
    assertThat(shown).singleElement().extracting(PassphrasePrompt.Request::why).isEqualTo("Kubeyard must open ca-key.pem");
  }

  @Test
  void askingFromTheFxThreadIsRefusedRatherThanFreezingTheWindow() throws Exception {
    PassphrasePrompt prompt = typing("x");
    Throwable refused = fx.submit(() -> {
      try {
        prompt.ask(new PassphrasePrompt.Request(PassphrasePrompt.Kind.PKI, "why"));
        return null;
      } catch (IllegalStateException e) {
        return e;
      }
    }).get();
    assertThat(refused).hasMessageContaining("must run on a worker thread");
    assertThat(dialogThreads).isEmpty();
  }

  @Test
  void aCancelledDialogGivesNoPassphraseAndADialogThatFailsFailsTheWorkerNotTheFxThread() {
    assertThat(typing(null).ask(new PassphrasePrompt.Request(PassphrasePrompt.Kind.PKI, "why"))).isNull();

    PassphrasePrompt broken = new PassphrasePrompt(fx, () -> false, r -> {
      throw new IllegalArgumentException("no window");
    });
    assertThatThrownBy(() -> broken.ask(new PassphrasePrompt.Request(PassphrasePrompt.Kind.PKI, "why")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no window");
  }

  @Test
  void anSshKeyIsAskedOnceForAllHostsSharingIt() {
    KeyPassphrasePrompt keys = typing("key passphrase").sshKeys();
    keys.ask("master1", Path.of("/home/admin/.ssh/id_ed25519"));
    keys.ask("master2", Path.of("/home/admin/.ssh/id_ed25519"));

    assertThat(shown).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(PassphrasePrompt.Kind.SSH_KEY);
      assertThat(r.why()).isEqualTo("/home/admin/.ssh/id_ed25519 (master1)");
    });
  }
}
