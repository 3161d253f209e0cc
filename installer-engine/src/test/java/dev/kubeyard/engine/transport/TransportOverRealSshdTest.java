package dev.kubeyard.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.files.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH transport against a real OpenSSH server on loopback. */
class TransportOverRealSshdTest {
  private static final Duration T = Duration.ofSeconds(20);
  @TempDir static Path dir;
  static RealSshd sshd;
  static JschTransport transport;

  @BeforeAll
  static void startSshd() throws Exception {
    assumeTrue(RealSshd.available(), "needs openssh-server (scripts/install-deps)");
    ClientKey key = ClientKey.generate(dir);
    sshd = RealSshd.onLoopback(dir.resolve("sshd"), key);
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    transport = new JschTransport(key.target("box", sshd), SshSettings.of(knownHosts));
  }

  @AfterAll
  static void stop() {
    if (transport != null) {
      transport.close();
    }
    if (sshd != null) {
      sshd.close();
    }
  }

  @Test
  void runsACommandAndReturnsItsExitCodeWithStdoutAndStderrInOrder() {
    CommandResult r = transport.run("echo out; echo err >&2; exit 3", T);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.output()).isEqualTo("out\nerr\n");
    assertThat(r.host()).isEqualTo("box");
  }

  @Test
  void handsEachOutputLineToTheListenerAsItArrives() {
    List<String> lines = new CopyOnWriteArrayList<>();
    transport.run("for i in 1 2 3; do echo line $i; done", T, lines::add);
    assertThat(lines).containsExactly("line 1", "line 2", "line 3");
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsStoppedOnTheHost() {
    long started = System.nanoTime();
    assertThatThrownBy(() -> transport.run("sleep 41.5; echo never", Duration.ofSeconds(1)))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("box").hasMessageContaining("sleep 41.5")
        .satisfies(e -> assertThat(((TransportException) e).hint()).contains("longer than 1 s"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(transport.run("pgrep -f 'sleep 41.5'", T).exitCode()).as("the sleep is gone").isEqualTo(1);
  }

  @Test
  void interruptingTheCallerCancelsTheCommandAndKillsItsProcessGroup() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        transport.run("sleep 42.5 & sleep 43.5; wait", T);
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    caller.start();
    waitUntil(() -> transport.run("pgrep -f 'sleep 43.5'", T).exitCode() == 0);
    // the sleep can start on the host while JSch still waits for the exec request's reply, and JSch
    // swallows an interrupt that lands there (a CI run saw it): interrupt until the caller acts on one
    for (int i = 0; i < 50 && caller.isAlive(); i++) {
      caller.interrupt();
      caller.join(200);
    }
    assertThat(thrown.get()).isInstanceOf(CommandCancelled.class).hasMessageContaining("sleep 43.5");
    waitUntil(() -> transport.run("pgrep -f 'sleep 4[23].5'", T).exitCode() == 1); // both sleeps are gone, long before 42 s
  }

  @Test
  void uploadsAFileThatIsCheckedBySha256AndMovedIntoPlaceWithItsMode() throws Exception {
    Path local = dir.resolve("ca-key.pem");
    Files.writeString(local, "not really a key\n");
    String target = dir.resolve("remote/etc/kubernetes/ssl/ca-key.pem").toString();
    transport.upload(local, new RemoteFile(target, Sha256.of(local), 0600), T);
    assertThat(Path.of(target)).hasContent("not really a key");
    assertThat(transport.run("stat -c %a " + target, T).output().strip()).isEqualTo("600");
    assertThat(transport.run("ls -A " + Path.of(target).getParent(), T).output().strip())
        .as("no temp file left").isEqualTo("ca-key.pem");
  }

  @Test
  void anUploadReplacesAnExistingFileAtomically() throws Exception {
    Path local = dir.resolve("unit");
    String target = dir.resolve("remote2/etcd.service").toString();
    Files.writeString(local, "v1\n");
    transport.upload(local, new RemoteFile(target, Sha256.of(local), 0644), T);
    Files.writeString(local, "v2\n");
    transport.upload(local, new RemoteFile(target, Sha256.of(local), 0644), T);
    assertThat(Path.of(target)).hasContent("v2");
  }

  @Test
  void refusesToUploadALocalFileWhoseHashDiffersFromThePlan() throws Exception {
    Path local = dir.resolve("edited");
    Files.writeString(local, "edited by hand\n");
    assertThatThrownBy(() -> transport.upload(local, new RemoteFile("/tmp/x", "0".repeat(64), 0644), T))
        .isInstanceOf(TransportException.class)
        .satisfies(e -> assertThat(((TransportException) e).hint()).contains("plan expects " + "0".repeat(64)));
  }

  @Test
  void aFailedCommandCarriesHostCommandExitCodeOutputTailAndHint() {
    assertThatThrownBy(() -> transport.run("echo etcd: bad flag; exit 2", T).orThrow("read the etcd flags"))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("box: 'echo etcd: bad flag; exit 2' exited 2")
        .hasMessageContaining("etcd: bad flag")
        .satisfies(e -> assertThat(((TransportException) e).hint()).isEqualTo("read the etcd flags"));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met in 15 s").isLessThan(end);
      Thread.sleep(100);
    }
  }
}
