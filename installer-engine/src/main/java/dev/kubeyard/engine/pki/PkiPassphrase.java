package dev.kubeyard.engine.pki;

import dev.kubeyard.engine.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the passphrase of the CA keys comes from (ADR 37): always an explicit source, never the spec and
 * never a file Kubeyard picks on its own. It is asked for at most once per run and only when a CA key must
 * be encrypted or opened; a prompt is asked then, not before.
 */
public final class PkiPassphrase {
  /** The passphrase itself, for CI and scripts. */
  public static final String ENVIRONMENT = "KUBEYARD_PKI_PASSPHRASE";
  /** A file holding it (first line), owner-only. */
  public static final String FILE_ENVIRONMENT = "KUBEYARD_PKI_PASSPHRASE_FILE";
  /** Shorter passphrases are refused when a key is encrypted (they would fall to a guessing attack). */
  public static final int MINIMUM_LENGTH = 12;
  /**
   * The passphrase file {@code kubeyard lab up} writes beside the lab's cluster.yaml, and the CLI reads from
   * beside a spec when nothing else gives one. Lab only: a lab's CA protects nothing.
   */
  public static final String LAB_FILE = "pki-passphrase.lab-only";
  /** How a request to encrypt (not open) a key starts: a prompt then asks twice. */
  public static final String TO_ENCRYPT = "Kubeyard must encrypt";

  private final String origin;
  private final Function<String, char[]> ask;
  private char[] known;

  private PkiPassphrase(String origin, Function<String, char[]> ask) {
    this.origin = origin;
    this.ask = ask;
  }

  /** A passphrase asked from the administrator, {@code prompt.apply(why)}; null means they declined. */
  public static PkiPassphrase prompt(String origin, Function<String, char[]> prompt) {
    return new PkiPassphrase(origin, prompt);
  }

  public static PkiPassphrase of(String origin, char[] value) {
    char[] copy = value.clone();
    return new PkiPassphrase(origin, why -> copy);
  }

  /** The first line of {@code file}, which must be readable by its owner only (0600 or an owner-only ACL). */
  public static PkiPassphrase file(Path file) {
    return new PkiPassphrase("the file " + file, why -> readFile(file));
  }

  /** {@value #ENVIRONMENT}, else {@value #FILE_ENVIRONMENT}, else {@code otherwise}. */
  public static PkiPassphrase fromEnvironment(Map<String, String> env, PkiPassphrase otherwise) {
    String value = env.get(ENVIRONMENT);
    if (value != null && !value.isEmpty()) {
      return of("the environment variable " + ENVIRONMENT, value.toCharArray());
    }
    String file = env.get(FILE_ENVIRONMENT);
    if (file != null && !file.isBlank()) {
      return file(Path.of(file));
    }
    return otherwise;
  }

  /** From the process environment, else no source at all. */
  public static PkiPassphrase fromEnvironment() {
    return fromEnvironment(System.getenv(), none());
  }

  /** No source: asking fails with what to do. */
  public static PkiPassphrase none() {
    return new PkiPassphrase("nowhere", why -> {
      throw new PkiException(why + ", which needs the PKI passphrase, but none was given",
          "set " + ENVIRONMENT + ", or " + FILE_ENVIRONMENT + " (or --pki-passphrase-file) to a file only you "
          + "can read, or run interactively to be asked (--pki-passphrase)");
    });
  }

  /** Where it comes from, for messages (never the passphrase). */
  public String origin() {
    return origin;
  }

  /** The passphrase, asked for once; {@code why} says which key and why, for a prompt or an error. */
  synchronized char[] get(String why) {
    if (known == null) {
      char[] answer = ask.apply(why);
      if (answer == null || answer.length == 0) {
        throw new PkiException(why + ", which needs the PKI passphrase, but " + origin + " gave none",
            "give the passphrase (prompt, " + ENVIRONMENT + " or --pki-passphrase-file) and run again");
      }
      known = answer.clone();
    }
    return known.clone();
  }

  private static char[] readFile(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new PkiException("the PKI passphrase file " + file + " does not exist",
            "create it with the passphrase on its first line and mode 0600, or give the passphrase another way");
      }
      if (!OwnerOnly.isOwnerOnly(file)) {
        throw new PkiException("the PKI passphrase file " + file + " can be read by other users: a passphrase "
            + "file must be readable by its owner only", "chmod 600 " + file + " (on Windows: remove every "
            + "entry but your own from its security settings), then run again");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String line = end < 0 ? text : text.substring(0, end);
      return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the PKI passphrase file " + file, e);
    }
  }
}
