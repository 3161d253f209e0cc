package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real containerd (the Debian build from the bundle, with the bundle's runc) started for one test with
 * its own root, state and socket under a temporary folder, the CRI plugin off. Needs root.
 */
final class Containerd implements AutoCloseable {

  private final Path dir;
  private final Path socket;
  private final Process process;
  private final String path;

  private Containerd(Path dir, Path socket, Process process, String path) {
    this.dir = dir;
    this.socket = socket;
    this.process = process;
    this.path = path;
  }

  static Containerd start(Path dir) throws IOException, InterruptedException {
    Path containerd = BuiltBundle.command("containerd");
    Path runc = BuiltBundle.command("runc");
    String path = containerd.getParent() + ":" + runc.getParent() + ":/usr/sbin:/usr/bin:/sbin:/bin";
    Path socket = dir.resolve("containerd.sock");
    Path config = dir.resolve("config.toml");
    Files.writeString(config, """
        version = 2
        root = "%s"
        state = "%s"
        disabled_plugins = ["io.containerd.grpc.v1.cri"]
        [grpc]
          address = "%s"
        [ttrpc]
          address = "%s"
        """.formatted(dir.resolve("root"), dir.resolve("state"), socket, dir.resolve("containerd-ttrpc.sock")));
    ProcessBuilder pb = new ProcessBuilder(containerd.toString(), "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile());
    pb.environment().put("PATH", path);
    Process process = pb.start();
    Containerd c = new Containerd(dir, socket, process, path);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!Files.exists(socket) || c.run("version").exit() != 0) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        c.close();
        throw new IllegalStateException("containerd did not start:\n" + c.log());
      }
      Thread.sleep(200);
    }
    return c;
  }

  record Result(int exit, String output) {}

  /** Runs ctr (from the bundle) against this containerd in the k8s.io namespace. */
  Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(BuiltBundle.command("ctr").toString(), "--address", socket.toString(),
        "--namespace", "k8s.io"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PATH", path);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("ctr " + String.join(" ", args) + " did not finish within 120 s");
    }
    return new Result(p.exitValue(), out);
  }

  /** Runs ctr and expects success. */
  String ctr(String... args) throws IOException, InterruptedException {
    Result r = run(args);
    assertThat(r.exit()).as("ctr %s failed:\n%s\ncontainerd log:\n%s", String.join(" ", args), r.output(), log())
        .isZero();
    return r.output();
  }

  String log() {
    try {
      return Files.readString(dir.resolve("containerd.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
