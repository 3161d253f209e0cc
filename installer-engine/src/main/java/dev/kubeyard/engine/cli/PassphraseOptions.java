package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.transport.KeyPassphrasePrompt;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where the CA keys' passphrase comes from (ADR 37), first that applies: {@code --pki-passphrase} (typed at
 * a prompt), {@code --pki-passphrase-file}, {@value PkiPassphrase#ENVIRONMENT}, {@value
 * PkiPassphrase#FILE_ENVIRONMENT}, the lab's {@value PkiPassphrase#LAB_FILE} beside the spec, else a prompt on the
 * terminal when a key is actually opened or encrypted; without a terminal the run stops and says how.
 */
final class PassphraseOptions {
  @Option(names = "--pki-passphrase", interactive = true, arity = "0..1",
      description = "ask for the passphrase of the CA keys in the plan folder now (it is never stored)")
  char[] typed;

  @Option(names = "--pki-passphrase-file", description = "a file, readable by you only (0600), whose first line is "
      + "the passphrase of the CA keys")
  Path file;

  private PkiPassphrase source;

  /** The one source of this run (a prompt asks once), for the plan and the apply alike. */
  PkiPassphrase source(Path specFolder) {
    if (source == null) {
      source = resolve(specFolder);
    }
    return source;
  }

  private PkiPassphrase resolve(Path specFolder) {
    if (typed != null && typed.length > 0) {
      PkiPassphrase given = PkiPassphrase.of("the prompt of --pki-passphrase", typed);
      Arrays.fill(typed, '\0');
      return given;
    }
    if (file != null) {
      return PkiPassphrase.file(file);
    }
    Path lab = specFolder == null ? null : specFolder.resolve(PkiPassphrase.LAB_FILE);
    PkiPassphrase otherwise = lab != null && Files.isRegularFile(lab) ? PkiPassphrase.file(lab) : terminal();
    return PkiPassphrase.fromEnvironment(System.getenv(), otherwise);
  }

  /** For {@code privateKeyPassphraseFrom: prompt}: the terminal, once per key file; none without a terminal. */
  static KeyPassphrasePrompt sshKeyPrompt() {
    Console console = System.console();
    if (console == null) {
      return KeyPassphrasePrompt.NONE;
    }
    return KeyPassphrasePrompt.once((host, key) -> console.readPassword("passphrase of the SSH key %s (for %s): ", key, host));
  }

  private static PkiPassphrase terminal() {
    Console console = System.console();
    if (console == null) {
      return PkiPassphrase.none();
    }
    return PkiPassphrase.prompt("the terminal prompt", why -> {
      char[] first = console.readPassword("%s.%nPKI passphrase: ", why);
      if (first == null || !why.startsWith(PkiPassphrase.TO_ENCRYPT)) {
        return first;
      }
      // A typo here would seal the CA with a passphrase nobody knows: ask twice.
      char[] again = console.readPassword("the same passphrase again: ");
      if (!Arrays.equals(first, again)) {
        throw new CommandFailure("the two passphrases differ", "run again and type the same passphrase twice");
      }
      return first;
    });
  }
}
