package dev.kubeyard.engine.transport;

import dev.kubeyard.engine.testing.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A Windows host for tests, and NOT PowerShell: a real sshd whose ForceCommand is PowerShellStandIn.py
 * (src/test/resources/powershell-stand-in), which accepts only Kubeyard's encoded PowerShell command
 * line, records every script it receives and carries out the few shapes PowerShellOverSsh writes (drive
 * C: is {@code root/C}, a service is a state file). A fake of the one thing that cannot run here.
 */
public final class PowerShellStandIn implements AutoCloseable {
  private static final Path SCRIPT = RepoRoot.path().resolve("installer-engine/src/test/resources/powershell-stand-in/PowerShellStandIn.py");
  private final Path root;
  private final RealSshd sshd;

  private PowerShellStandIn(Path root, RealSshd sshd) {
    this.root = root;
    this.sshd = sshd;
  }

  public static boolean available() {
    return RealSshd.available() && Files.isExecutable(Path.of("/usr/bin/python3"));
  }

  /** Answers on {@code address}:22 inside {@code netns}; its files live under {@code dir/root}. */
  public static PowerShellStandIn inNamespace(Path dir, String netns, String address, ClientKey key) {
    Path root = dir.resolve("root");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RealSshd sshd = RealSshd.inNamespace(dir.resolve("sshd"), netns, address, key,
        List.of("ForceCommand /usr/bin/python3 " + SCRIPT + " " + root));
    return new PowerShellStandIn(root, sshd);
  }

  public RealSshd sshd() {
    return sshd;
  }

  /** Where the stand-in keeps a Windows path such as C:/k/kubelet.kubeconfig. */
  public Path local(String windowsPath) {
    String p = windowsPath.replace('\\', '/');
    return root.resolve(Character.toUpperCase(p.charAt(0)) + p.substring(2));
  }

  /** Every script received, decoded, in order. */
  public List<String> received() {
    return entries("received.log", "#### script\n");
  }

  /** Command lines refused because they were not an encoded PowerShell command. */
  public List<String> refused() {
    return entries("received.log", "#### refused command line\n");
  }

  /** The .ps1 files a script called ({@code & 'C:/k/install-node.ps1'}): recorded, not run. */
  public List<String> called() {
    return read("ran.log").lines().toList();
  }

  /** "Running Automatic", "Stopped Disabled", or null when the service was never touched. */
  public String service(String name) {
    String s = read("services/" + name).strip();
    return s.isEmpty() ? null : s;
  }

  private List<String> entries(String file, String marker) {
    String text = read(file);
    return Arrays.stream(text.split("(?m)^(?=#### )")).filter(e -> e.startsWith(marker))
        .map(e -> e.substring(marker.length(), e.length() - 1)).toList();
  }

  private String read(String name) {
    try {
      Path p = root.resolve(name);
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sshd.close();
  }
}
