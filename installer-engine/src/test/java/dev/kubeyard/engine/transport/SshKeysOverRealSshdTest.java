package dev.kubeyard.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 37: an encrypted SSH key opened with its passphrase (file, environment or prompt) and the keys of a
 * real ssh-agent (its own socket, keys added with ssh-add), against a real sshd on loopback.
 */
class SshKeysOverRealSshdTest {
  private static final Duration T = Duration.ofSeconds(20);
  private static final String PASSPHRASE = "correct horse battery staple";
  @TempDir static Path dir;
  static RealSshd sshd;
  static Path encrypted;
  static Path agentSocket;
  static Path emptyAgentSocket;
  static Process agent;
  static Process emptyAgent;
  static SshSettings settings;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(RealSshd.available() && Proc.available("ssh-agent") && Proc.available("ssh-add"),
        "needs openssh-server and openssh-client (scripts/install-deps)");
    encrypted = dir.resolve("id_encrypted");
    keygen(encrypted, PASSPHRASE);
    Path forAgent = dir.resolve("id_agent");
    keygen(forAgent, "");
    sshd = RealSshd.onLoopback(dir.resolve("sshd"), new ClientKey(encrypted));
    Files.writeString(dir.resolve("sshd/authorized_keys"), Files.readString(Path.of(forAgent + ".pub")),
        StandardOpenOption.APPEND);
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    settings = SshSettings.of(knownHosts);

    agentSocket = dir.resolve("agent.sock");
    agent = startAgent(agentSocket);
    ProcessBuilder add = new ProcessBuilder("ssh-add", forAgent.toString()).redirectErrorStream(true);
    add.environment().put("SSH_AUTH_SOCK", agentSocket.toString());
    Process added = add.start();
    String said = new String(added.getInputStream().readAllBytes());
    assertThat(added.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(added.exitValue()).as("ssh-add said: " + said).isZero();
    emptyAgentSocket = dir.resolve("empty-agent.sock");
    emptyAgent = startAgent(emptyAgentSocket);
  }

  @AfterAll
  static void stop() {
    if (sshd != null) {
      sshd.close();
    }
    for (Process p : new Process[] {agent, emptyAgent}) {
      if (p != null) {
        p.destroy();
      }
    }
  }

  private static void keygen(Path key, String passphrase) {
    Proc.Result r = Proc.run(null, "ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "kubeyard-test",
        "-f", key.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  /** {@code ssh-agent -D -a socket}: in the foreground, so this test owns the process and ends it. */
  private static Process startAgent(Path socket) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(socket.getFileName() + ".log").toFile()).start();
    for (int i = 0; i < 100 && !Files.exists(socket); i++) {
      Thread.sleep(50);
    }
    assertThat(socket).exists();
    return p;
  }

  private static SshTarget target() {
    return new SshTarget("box", sshd.address(), sshd.port(), "root", encrypted, null);
  }

  private static String echo(SshTarget target, SshSettings s) {
    try (JschTransport t = new JschTransport(target, s)) {
      return t.run("echo logged in", T).output();
    }
  }

  @Test
  void anEncryptedKeyLogsInWithThePassphraseFromAnOwnerOnlyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("key-passphrase"), PASSPHRASE + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(echo(target().withKeyPassphraseFrom("file:" + file), settings)).isEqualTo("logged in\n");
  }

  @Test
  void aPromptIsAskedOnceForTwoConnectionsWithTheSameKey() {
    AtomicInteger asked = new AtomicInteger();
    SshSettings prompting = settings.withKeyPrompt(KeyPassphrasePrompt.once((host, key) -> {
      asked.incrementAndGet();
      return PASSPHRASE.toCharArray();
    }));
    assertThat(echo(target().withKeyPassphraseFrom("prompt"), prompting)).isEqualTo("logged in\n");
    assertThat(echo(target().withKeyPassphraseFrom("prompt"), prompting)).isEqualTo("logged in\n");
    assertThat(asked).hasValue(1);
  }

  @Test
  void aWrongPassphraseIsNamedAsSuchBeforeAnythingReachesTheHost() {
    SshSettings wrong = settings.withKeyPrompt((host, key) -> "not it".toCharArray());
    assertThatThrownBy(() -> echo(target().withKeyPassphraseFrom("prompt"), wrong))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("the passphrase from the prompt does not open the SSH key " + encrypted)
        .extracting(e -> ((TransportException) e).hint()).asString().contains("ssh-keygen -y -f " + encrypted);
  }

  @Test
  void anEncryptedKeyWithoutAPassphraseSourceSaysWhereOneCanComeFrom() {
    assertThatThrownBy(() -> echo(target(), settings))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("the SSH key " + encrypted + " is encrypted and cluster.yaml does not say where its "
            + "passphrase comes from")
        .extracting(e -> ((TransportException) e).hint()).asString()
        .contains("set ssh.privateKeyPassphraseFrom (env:NAME, file:/path or prompt)");
  }

  @Test
  void theAgentsKeyLogsInWithoutTheKeyFileBeingRead() {
    SshTarget viaAgent = new SshTarget("box", sshd.address(), sshd.port(), "root", dir.resolve("no-such-key"), null)
        .withAgent();
    assertThat(echo(viaAgent, settings.withAgentSocket(agentSocket))).isEqualTo("logged in\n");
  }

  @Test
  void anAgentWithoutKeysOrWithoutASocketIsNamedWithTheFix() {
    SshTarget viaAgent = target().withAgent();
    assertThatThrownBy(() -> echo(viaAgent, settings.withAgentSocket(emptyAgentSocket)))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("the ssh-agent at " + emptyAgentSocket + " holds no key")
        .extracting(e -> ((TransportException) e).hint()).asString().contains("ssh-add");
    assertThatThrownBy(() -> echo(viaAgent, settings.withAgentSocket(null)))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("ssh.agent is true but no ssh-agent is reachable (SSH_AUTH_SOCK is not set)");
  }
}
