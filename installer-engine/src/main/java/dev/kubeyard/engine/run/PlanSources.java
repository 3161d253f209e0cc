package dev.kubeyard.engine.run;

import dev.kubeyard.engine.files.OwnerOnly;
import dev.kubeyard.engine.pki.KeyFiles;
import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.transport.RemoteFile;
import dev.kubeyard.engine.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends a plan file to a host. An encrypted CA key (ADR 37) is decrypted first, with the PKI passphrase,
 * into an owner-only temporary file that is deleted as soon as it is sent; a rehearsal
 * ({@code passphrase} null) reaches no host and opens nothing.
 */
final class PlanSources {
  private final Path planDir;
  private final PkiPassphrase passphrase;

  PlanSources(Path planDir, PkiPassphrase passphrase) {
    this.planDir = planDir;
    this.passphrase = passphrase;
  }

  void upload(Transport transport, Action.PutFile f, Duration timeout) {
    Path local = planDir.resolve(f.source());
    RemoteFile remote = new RemoteFile(f.path(), f.sha256(), f.mode());
    Optional<String> opened = passphrase == null || !f.source().startsWith("pki/") ? Optional.empty()
        : KeyFiles.openedForHost(local, passphrase);
    if (opened.isEmpty()) {
      transport.upload(local, remote, timeout);
      return;
    }
    Path temp = null;
    try {
      temp = Files.createTempFile("kubeyard-", ".pem", OwnerOnly.atCreation(local, OwnerOnly.FILE));
      OwnerOnly.restrict(temp, OwnerOnly.FILE);
      Files.writeString(temp, opened.get(), StandardCharsets.US_ASCII);
      transport.upload(temp, remote, timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the decrypted " + f.source() + " for " + transport.host(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // an owner-only file in the temp folder; the OS clears it
      }
    }
  }
}
