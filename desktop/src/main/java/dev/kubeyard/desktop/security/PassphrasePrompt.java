package dev.kubeyard.desktop.security;

import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.transport.KeyPassphrasePrompt;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The desktop's passphrases (ADR 37): the CA keys' and an SSH key's, asked in a dialog on the FX thread
 * while the work that needs one (writing the plan, the install) waits on its own thread. What is typed is
 * handed to the engine and never stored; {@value PkiPassphrase#ENVIRONMENT} still comes first, as in the CLI.
 */
public final class PassphrasePrompt {
  /** What the dialog shows: which passphrase, and why it is needed now. */
  public record Request(Kind kind, String why) {}

  public enum Kind { PKI, SSH_KEY }

  private static volatile PassphrasePrompt current = new PassphrasePrompt(Runnable::run, () -> false, r -> Optional.empty());

  private final Executor fxThread;
  private final BooleanSupplier onFxThread;
  private final Function<Request, Optional<char[]>> dialog;

  /**
   * @param fxThread runs the dialog (FxThreadAdapter.executor())
   * @param onFxThread true on the FX thread, where asking would freeze the window, so it is refused
   * @param dialog shows the request and returns what was typed, empty when cancelled; runs on {@code fxThread}
   */
  public PassphrasePrompt(Executor fxThread, BooleanSupplier onFxThread, Function<Request, Optional<char[]>> dialog) {
    this.fxThread = fxThread;
    this.onFxThread = onFxThread;
    this.dialog = dialog;
  }

  /** The prompt the app installed at start (a dialog); before that, none (only the environment). */
  public static PassphrasePrompt current() {
    return current;
  }

  public static void install(PassphrasePrompt prompt) {
    current = prompt;
  }

  /** What was typed, or null when the dialog was cancelled. Call from a worker thread, never the FX thread. */
  public char[] ask(Request request) {
    if (onFxThread.getAsBoolean()) {
      throw new IllegalStateException("a passphrase is asked for from the FX thread; the work that needs it must run "
          + "on a worker thread (Threads.run)");
    }
    CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
    fxThread.execute(() -> {
      try {
        answer.complete(dialog.apply(request));
      } catch (RuntimeException e) {
        answer.completeExceptionally(e);
      }
    });
    try {
      return answer.join().orElse(null);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The CA keys' passphrase for one operation: the environment, else this dialog (asked at most once). */
  public PkiPassphrase pki() {
    return PkiPassphrase.fromEnvironment(System.getenv(),
        PkiPassphrase.prompt("the desktop's passphrase dialog", why -> ask(new Request(Kind.PKI, why))));
  }

  /** For {@code privateKeyPassphraseFrom: prompt}: this dialog, once per key file. */
  public KeyPassphrasePrompt sshKeys() {
    return KeyPassphrasePrompt.once((host, key) -> ask(new Request(Kind.SSH_KEY, key + " (" + host + ")")));
  }
}
