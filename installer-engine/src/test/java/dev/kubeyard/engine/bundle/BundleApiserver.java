package dev.kubeyard.engine.bundle;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.render.AdminKubeconfig;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.ClusterSecrets;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.engine.testing.NetnsLab;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The bundle's etcd and kube-apiserver (or another line's, see {@link #start(Path, String, String, String,
 * Function)}), running in a network namespace with exactly the flags of their
 * rendered units and the certificates of the PKI, reached through links to the multi-call binary as the
 * installer lays them out. This JVM cannot enter the namespace, so a socat relay on loopback forwards
 * to it: {@link #loopbackKubeconfig()} is for clients in the JVM, {@link #kubeconfig()} for kubectl run
 * inside the namespace. No controller-manager, scheduler or kubelet: objects are stored, not run.
 */
public final class BundleApiserver implements AutoCloseable {
  public static final String TAG = BuiltBundle.TAG;

  private final Path dir;
  private final String address;
  private final ClusterFacts facts;
  private final NetnsLab lab;
  private final Function<String, Path> commands;
  private final List<Process> running = new ArrayList<>();
  private String ns;
  private int loopbackPort;

  private BundleApiserver(Path dir, String labName, String address, ClusterFacts facts,
      Function<String, Path> commands) {
    this.dir = dir;
    this.address = address;
    this.facts = facts;
    this.lab = new NetnsLab(labName);
    this.commands = commands;
  }

  /** Starts a one-host cluster {@code m1} at {@code address} described by {@code specYaml}; waits for readyz. */
  public static BundleApiserver start(Path dir, String labName, String address, String specYaml) throws Exception {
    return start(dir, labName, address, specYaml, BuiltBundle::command);
  }

  /**
   * The same with etcd, kube-apiserver and kubectl from {@code commands} (command name to binary) instead of
   * the built bundle: another line's binaries, which the bundle of the current line does not carry.
   */
  public static BundleApiserver start(Path dir, String labName, String address, String specYaml,
      Function<String, Path> commands) throws Exception {
    Validator.Result spec = Validator.loadText(specYaml);
    if (!spec.valid()) {
      throw new IllegalArgumentException("test spec is invalid: " + spec.problems());
    }
    BundleApiserver api = new BundleApiserver(dir, labName, address, ClusterFacts.of(spec.spec()), commands);
    try {
      api.boot();
      return api;
    } catch (Exception | Error e) {
      api.close();
      throw e;
    }
  }

  private void boot() throws Exception {
    HostSpec m1 = facts.host("m1");
    Path pki = pki();
    ClusterPki.ensure(facts, pki, Clock.systemUTC());
    List<RenderedFile> files = ClusterRenderer.render(new RenderContext(facts, ClusterSecrets.loadOrCreate(pki)));
    Path root = dir.resolve("root");
    AdminKubeconfig.writeBreakGlass(facts, pki, kubeconfig()); // a bare apiserver: no group binding yet
    ns = lab.addHost("m1", address);
    running.add(start(bin().resolve("etcd"), RenderedUnit.flags("etcd", m1, files, pki, root), "etcd"));
    running.add(start(bin().resolve("kube-apiserver"),
        RenderedUnit.flags("kube-apiserver", m1, files, pki, root), "kube-apiserver"));
    awaitReady();
    relay();
  }

  public ClusterFacts facts() {
    return facts;
  }

  public String namespace() {
    return ns;
  }

  public Path pki() {
    return dir.resolve("pki");
  }

  /** The admin kubeconfig, server at the host's address: for commands run inside the namespace. */
  public Path kubeconfig() {
    return dir.resolve("admin.kubeconfig");
  }

  /** The same credentials, server at the loopback relay (127.0.0.1 is in the serving certificate). */
  public Path loopbackKubeconfig() throws IOException {
    Path file = dir.resolve("loopback.kubeconfig");
    Files.writeString(file, Files.readString(kubeconfig())
        .replace(facts.apiserverUrl(), "https://127.0.0.1:" + loopbackPort));
    return file;
  }

  /** The bundle's kubectl inside the namespace, as the admin. */
  public Proc.Result kubectl(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, bin().resolve("kubectl").toString(),
        "--kubeconfig", kubeconfig().toString()));
    cmd.addAll(List.of(args));
    return Proc.run(dir, cmd.toArray(String[]::new));
  }

  /** {@link #kubectl}, which must succeed: a failure shows the command and its output. */
  public Proc.Result kubectlOk(String... args) {
    Proc.Result r = kubectl(args);
    org.assertj.core.api.Assertions.assertThat(r.exit()).as("kubectl %s:%n%s", String.join(" ", args), r.output())
        .isZero();
    return r;
  }

  /** curl inside the namespace; with the admin's client certificate or without any (then: the status code). */
  public Proc.Result curl(boolean asAdmin, String path) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "curl", "-sS", "--max-time", "5",
        "--cacert", pki().resolve("ca.pem").toString()));
    if (asAdmin) {
      cmd.addAll(List.of("--cert", pki().resolve("admin.pem").toString(),
          "--key", pki().resolve("admin-key.pem").toString()));
    } else {
      cmd.addAll(List.of("-o", "/dev/null", "-w", "%{http_code}"));
    }
    cmd.add("https://" + address + ":6443" + path);
    return Proc.run(dir, cmd.toArray(String[]::new));
  }

  /**
   * A TLS handshake with the real openssl client inside the namespace, limited to one protocol version
   * ({@code -tls1_1}, {@code -tls1_2}) and, for 1.2, one OpenSSL cipher name; exit 0 when it succeeds.
   */
  public Proc.Result handshake(String protocol, String cipher) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "openssl", "s_client", "-connect",
        address + ":6443", "-CAfile", pki().resolve("ca.pem").toString(), "-verify_return_error", protocol));
    if (cipher != null) {
      cmd.addAll(List.of("-cipher", "'" + cipher + "'"));
    }
    cmd.add("-brief");
    // stdin from /dev/null: s_client ends right after the handshake instead of waiting for input
    return Proc.run(dir, "sh", "-c", String.join(" ", cmd) + " </dev/null");
  }

  /** Links each command to its bundle file, as the installer lays out /opt/kube/bin. */
  private Path bin() {
    Path bin = dir.resolve("bin");
    try {
      if (!Files.isDirectory(bin)) {
        Files.createDirectories(bin);
        for (String command : List.of("etcd", "kube-apiserver", "kubectl")) {
          Files.createSymbolicLink(bin.resolve(command), commands.apply(command));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bin;
  }

  private Process start(Path binary, List<String> flags, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, binary.toString()));
    command.addAll(flags);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  private void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    String ready = facts.version().atLeast(16) ? "/readyz" : "/healthz"; // 1.14 has no /readyz
    Proc.Result last = curl(true, ready);
    while (!last.output().equals("ok") && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
      last = curl(true, ready);
    }
    if (!last.output().equals("ok")) {
      throw new AssertionError("kube-apiserver did not become ready: " + last + "\n--- kube-apiserver log (end):\n"
          + tail(dir.resolve("kube-apiserver.log")) + "\n--- etcd log (end):\n" + tail(dir.resolve("etcd.log")));
    }
  }

  /** socat on 127.0.0.1:PORT; each connection runs a second socat inside the namespace towards :6443. */
  private void relay() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      loopbackPort = free.getLocalPort();
    }
    running.add(new ProcessBuilder("socat", "TCP-LISTEN:" + loopbackPort + ",bind=127.0.0.1,reuseaddr,fork",
        "EXEC:ip netns exec " + ns + " socat STDIO TCP\\:" + address + "\\:6443")
        .redirectErrorStream(true).redirectOutput(dir.resolve("relay.log").toFile()).start());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      try (Socket s = new Socket("127.0.0.1", loopbackPort)) {
        return;
      } catch (IOException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("the loopback relay to the apiserver did not open: " + tail(dir.resolve("relay.log")));
        }
        Thread.sleep(100);
      }
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    // the relay first, etcd last: an apiserver whose etcd is gone can hang in its graceful shutdown
    for (int i = running.size() - 1; i >= 0; i--) {
      Process p = running.get(i);
      p.destroy();
      if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
    lab.close();
  }
}
