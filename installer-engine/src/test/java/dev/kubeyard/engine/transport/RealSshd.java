package dev.kubeyard.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Debian OpenSSH server started by a test with its own config, host key and authorized_keys,
 * on loopback or inside a network namespace the test created. Not a fake: /usr/sbin/sshd itself.
 */
public final class RealSshd implements AutoCloseable {
  private final Path dir;
  private final String address;
  private final int port;
  private final String netns;
  private final List<String> extraConfig;
  private Process process;

  private RealSshd(Path dir, String address, int port, String netns, List<String> extraConfig) {
    this.dir = dir;
    this.address = address;
    this.port = port;
    this.netns = netns;
    this.extraConfig = extraConfig;
  }

  /** sshd on 127.0.0.1 at a free port, accepting {@code clientKey}. */
  public static RealSshd onLoopback(Path dir, ClientKey clientKey) {
    return start(dir, "127.0.0.1", freePort(), null, clientKey, List.of());
  }

  /** sshd on {@code address}:22 inside network namespace {@code netns}. */
  public static RealSshd inNamespace(Path dir, String netns, String address, ClientKey clientKey) {
    return start(dir, address, 22, netns, clientKey, List.of());
  }

  /** sshd on {@code address}:22 inside {@code netns} with further sshd_config lines (e.g. a ForceCommand). */
  public static RealSshd inNamespace(Path dir, String netns, String address, ClientKey clientKey, List<String> extraConfig) {
    return start(dir, address, 22, netns, clientKey, extraConfig);
  }

  private static RealSshd start(Path dir, String address, int port, String netns, ClientKey clientKey,
      List<String> extraConfig) {
    RealSshd s = new RealSshd(dir, address, port, netns, List.copyOf(extraConfig));
    try {
      Files.createDirectories(dir);
      Files.createDirectories(Path.of("/run/sshd"));
      Files.createDirectories(dir.resolve("home"));
      Files.copy(clientKey.publicKey(), dir.resolve("authorized_keys"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s.newHostKey();
    s.writeConfig();
    s.launch();
    return s;
  }

  public static boolean available() {
    return Files.isExecutable(Path.of("/usr/sbin/sshd")) && Proc.available("ssh-keygen");
  }

  private void writeConfig() {
    List<String> lines = new ArrayList<>(List.of(
        "Port " + port, "ListenAddress " + address,
        "HostKey " + hostKey(), "PidFile " + dir.resolve("sshd.pid"),
        "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
        "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "UsePAM no", "StrictModes no", "LogLevel INFO", "Subsystem sftp internal-sftp",
        // sessions get their own HOME: the build machine's ~/.bashrc (pyenv, cargo) must not run in them
        "SetEnv HOME=" + dir.resolve("home")));
    lines.addAll(extraConfig); // after the others: a Match block must come last
    String cfg = String.join("\n", lines) + "\n";
    try {
      Files.writeString(dir.resolve("sshd_config"), cfg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    List<String> cmd = new ArrayList<>();
    if (netns != null) {
      cmd.addAll(List.of("ip", "netns", "exec", netns));
    }
    cmd.addAll(List.of("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString()));
    Path log = dir.resolve("sshd.log");
    try {
      Files.deleteIfExists(log);
      process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < end) {
        if (Files.exists(log) && Files.readString(log).contains("Server listening")) {
          return;
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("sshd did not start: " + Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the host key (as a reinstall would) and restarts sshd. */
  public void replaceHostKey() {
    stop();
    newHostKey();
    launch();
  }

  private void newHostKey() {
    try {
      Files.deleteIfExists(hostKey());
      Files.deleteIfExists(Path.of(hostKey() + ".pub"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Proc.Result r = Proc.run(null, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey().toString());
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  public Path hostKey() {
    return dir.resolve("ssh_host_ed25519_key");
  }

  /** The SHA256 fingerprint as ssh-keygen prints it for the current host key. */
  public String fingerprint() {
    Proc.Result r = Proc.run(null, "ssh-keygen", "-lf", hostKey() + ".pub");
    return r.output().split("\\s+")[1];
  }

  /** The known_hosts line that trusts this server's current key. */
  public String knownHostsLine() {
    try {
      String[] pub = Files.readString(Path.of(hostKey() + ".pub")).strip().split("\\s+");
      return KnownHostsFile.nameOf(address, port) + " " + pub[0] + " " + pub[1];
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

  private void stop() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
