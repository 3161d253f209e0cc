package dev.kubeyard.desktop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A real OpenSSH server (/usr/sbin/sshd, not a fake) on a loopback address and a free port, with its
 * own host key and one authorized client key. Commands run as root on this machine: the tests that use
 * it only write under their own temporary folder. Stopped (by its process) on close.
 */
public final class LoopbackSshd implements AutoCloseable {
  private final Path dir;
  private final String address;
  private final int port;
  private final Process process;

  private LoopbackSshd(Path dir, String address, int port, Process process) {
    this.dir = dir;
    this.address = address;
    this.port = port;
    this.process = process;
  }

  public static boolean available() {
    return Files.isExecutable(Path.of("/usr/sbin/sshd")) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
  }

  /** A client key pair for the tests to log in with. */
  public static Path clientKey(Path dir) {
    Path key = dir.resolve("id_ed25519");
    if (!Files.exists(key)) {
      run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kubeyard-desktop-test", "-f", key.toString());
    }
    return key;
  }

  public static LoopbackSshd start(Path dir, String address, Path clientKey) {
    try {
      Files.createDirectories(dir.resolve("home"));
      Files.createDirectories(Path.of("/run/sshd"));
      Files.copy(Path.of(clientKey + ".pub"), dir.resolve("authorized_keys"), StandardCopyOption.REPLACE_EXISTING);
      Path hostKey = dir.resolve("ssh_host_ed25519_key");
      Files.deleteIfExists(hostKey);
      Files.deleteIfExists(Path.of(hostKey + ".pub"));
      run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
      int port = freePort(address);
      Files.writeString(dir.resolve("sshd_config"), String.join("\n",
          "Port " + port, "ListenAddress " + address, "HostKey " + hostKey, "PidFile " + dir.resolve("sshd.pid"),
          "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PermitRootLogin prohibit-password",
          "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no",
          "Subsystem sftp internal-sftp", "SetEnv HOME=" + dir.resolve("home"), ""));
      Path log = dir.resolve("sshd.log");
      Process p = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      for (int i = 0; i < 400; i++) {
        if (Files.exists(log) && Files.readString(log).contains("Server listening")) {
          return new LoopbackSshd(dir, address, port, p);
        }
        if (!p.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
      p.destroy();
      throw new IllegalStateException("sshd did not start: " + Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The host key's fingerprint as {@code ssh-keygen -lf} prints it, e.g. {@code SHA256:...}. */
  public String fingerprint() {
    String out = run(dir, "ssh-keygen", "-lf", dir.resolve("ssh_host_ed25519_key.pub").toString());
    return out.split(" ")[1];
  }

  /** The line a known_hosts file needs to trust this server. */
  public String knownHostsLine() {
    try {
      String[] pub = Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).strip().split(" ");
      return "[" + address + "]:" + port + " " + pub[0] + " " + pub[1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String address() {
    return address;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
  }

  private static int freePort(String address) throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return s.getLocalPort();
    }
  }

  private static String run(Path dir, String... cmd) {
    try {
      Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
