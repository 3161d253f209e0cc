package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The real openssl binary, run in a PKI directory: the tests judge our certificates with it. */
final class OpenSsl {
  static final Path BINARY = Path.of("/usr/bin/openssl");
  /** openssl opens the encrypted CA keys (ADR 37) with the passphrase the tests run with; plain keys ignore it. */
  static final String PASSIN = "env:" + PkiPassphrase.ENVIRONMENT;

  private final Path dir;

  OpenSsl(Path dir) {
    assertThat(BINARY).as("these tests check certificates with the real openssl binary").isExecutable();
    this.dir = dir;
  }

  /** Exit code and combined output of one openssl command. */
  record Run(int exitCode, String output) {}

  Run run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.addAll(Arrays.asList(args));
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("openssl %s finished", command).isTrue();
      return new Run(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs openssl and fails the test unless it exits 0; returns its output. */
  String ok(String... args) {
    Run r = run(args);
    assertThat(r.exitCode()).as("openssl %s said:%n%s", String.join(" ", args), r.output()).isZero();
    return r.output();
  }

  /** {@code openssl verify -CAfile <ca>.pem <name>.pem} succeeded (optionally at a given epoch second). */
  boolean verifies(String caName, String name, String... extra) {
    List<String> args = new ArrayList<>(List.of("verify", "-CAfile", caName + ".pem"));
    args.addAll(Arrays.asList(extra));
    args.add(name + ".pem");
    Run r = run(args.toArray(String[]::new));
    return r.exitCode() == 0 && r.output().trim().equals(name + ".pem: OK");
  }

  String text(String name) {
    return ok("x509", "-noout", "-text", "-in", name + ".pem");
  }

  /** The value lines of one extension, e.g. {@code ext("admin", "keyUsage")}; first line is the header. */
  List<String> extension(String name, String extension) {
    return ok("x509", "-noout", "-ext", extension, "-in", name + ".pem").lines().map(String::trim).toList();
  }

  /** subjectAltName entries as openssl prints them: "IP Address:10.68.0.1", "DNS:kubernetes". */
  Set<String> subjectAltNames(String name) {
    List<String> lines = extension(name, "subjectAltName");
    return lines.size() < 2 ? Set.of() : new LinkedHashSet<>(Arrays.asList(lines.get(1).split(", ")));
  }

  /** "O = system:masters, CN = admin". */
  String subject(String name) {
    return ok("x509", "-noout", "-subject", "-in", name + ".pem").trim().replaceFirst("^subject=", "");
  }

  String publicKeyOfCertificate(String name) {
    return ok("x509", "-noout", "-pubkey", "-in", name + ".pem");
  }

  String publicKeyOfPrivateKey(String keyFile) {
    return ok("pkey", "-pubout", "-in", keyFile, "-passin", PASSIN);
  }

  boolean exists(String file) {
    return Files.exists(dir.resolve(file));
  }
}
