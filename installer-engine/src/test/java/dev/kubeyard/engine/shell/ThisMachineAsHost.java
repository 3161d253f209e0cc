package dev.kubeyard.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Runs the POSIX shell's scripts on this machine as they run on a host, with the ledger and the notes of
 * changed services under {@code root} (KUBEYARD_STATE_ROOT) and a stand-in {@code systemctl} first on
 * the PATH that records its calls and answers is-active from {@code running}.
 */
public final class ThisMachineAsHost {
  public record Result(int exit, String output) {}

  private final Path root;
  private final Path bin;

  public ThisMachineAsHost(Path root) {
    this.root = root;
    this.bin = root.resolve("bin");
    try {
      Files.createDirectories(bin);
      Files.createDirectories(root.resolve("running"));
      executable("systemctl", """
          #!/bin/sh
          echo "$*" >> "$KUBEYARD_STATE_ROOT/systemctl.calls"
          if [ "$1" = is-active ]; then shift; for s in "$@"; do case "$s" in -*) ;; *) [ -e "$KUBEYARD_STATE_ROOT/running/$s" ] || exit 3;; esac; done; fi
          exit 0
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A command of this name on the PATH before the real one (e.g. a sha256sum that fails, to prove nothing was hashed). */
  public void executable(String name, String script) throws IOException {
    Path f = bin.resolve(name);
    Files.writeString(f, script);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  public void running(String service) throws IOException {
    Files.writeString(root.resolve("running").resolve(service), "");
  }

  /** What systemctl was asked to do besides is-active, in order. */
  public List<String> systemctlActions() throws IOException {
    Path calls = root.resolve("systemctl.calls");
    return Files.exists(calls) ? Files.readAllLines(calls).stream().filter(l -> !l.startsWith("is-active")).toList() : List.of();
  }

  public void forgetCalls() throws IOException {
    Files.deleteIfExists(root.resolve("systemctl.calls"));
  }

  public Result run(String script) {
    return run(script, null, false);
  }

  public Result run(String script, byte[] stdin, boolean verify) {
    try {
      ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
      pb.environment().put("KUBEYARD_STATE_ROOT", root.toString());
      pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      if (verify) {
        pb.environment().put("KUBEYARD_VERIFY", "1");
      } else {
        pb.environment().remove("KUBEYARD_VERIFY");
      }
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Places {@code content} at {@code path} with the upload script, as the executor does; fails the test if it fails. */
  public void place(HostShell sh, String path, String content, int mode) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    Result r = run(sh.upload(FileUpload.beside(path, sha256(bytes), mode, false, "t")), bytes, false);
    assertThat(r.exit()).as(r.output()).isZero();
  }

  public static String sha256(String content) {
    return sha256(content.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
