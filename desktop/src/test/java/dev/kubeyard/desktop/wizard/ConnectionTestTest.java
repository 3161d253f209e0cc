package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.testing.LoopbackSshd;
import dev.kubeyard.desktop.testing.SshTestHosts;
import dev.kubeyard.desktop.wizard.hosts.ConnectionTest;
import dev.kubeyard.engine.transport.OfferedHostKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Test connection" against a real sshd on loopback, through the engine's SSH transport. */
class ConnectionTestTest {
  @TempDir Path dir;
  private SshTestHosts hosts;
  private final ConnectionTest test = new ConnectionTest(new Threads(Executors.newSingleThreadExecutor(), Runnable::run));

  @BeforeEach
  void hosts() {
    assumeTrue(LoopbackSshd.available(), "needs /usr/sbin/sshd (apt-get install openssh-server)");
    hosts = new SshTestHosts(dir);
  }

  @AfterEach
  void stop() {
    if (hosts != null) {
      hosts.close();
    }
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    for (int i = 0; i < 600 && !condition.call(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.call()).isTrue();
  }

  @Test
  void aNewHostsKeyIsShownWithItsFingerprintAndRecordedOnceAccepted() throws Exception {
    Path knownHosts = dir.resolve("known_hosts");

    test.run(hosts.spec(), "alpha", knownHosts);
    await(() -> test.offeredKeyProperty().get() != null);

    OfferedHostKey key = test.offeredKeyProperty().get();
    assertThat(key.fingerprint()).isEqualTo(hosts.server(0).fingerprint());
    assertThat(key.type()).isEqualTo("ssh-ed25519");
    test.accept();
    await(() -> test.resultProperty().get() != null);
    assertThat(test.resultProperty().get().connected()).isTrue();
    assertThat(test.resultProperty().get().detail()).startsWith("Linux ");
    assertThat(Files.readString(knownHosts)).contains("[127.0.0.2]:" + hosts.server(0).port());

    test.run(hosts.spec(), "alpha", knownHosts);
    await(() -> test.resultProperty().get() != null);
    assertThat(test.resultProperty().get().connected()).as("a recorded key is not asked again").isTrue();
  }

  @Test
  void aRefusedKeyIsNotRecordedAndTheResultSaysWhatToDo() throws Exception {
    Path knownHosts = dir.resolve("known_hosts");

    test.run(hosts.spec(), "beta", knownHosts);
    await(() -> test.offeredKeyProperty().get() != null);
    test.refuse();
    await(() -> test.resultProperty().get() != null);

    ConnectionTest.Result r = test.resultProperty().get();
    assertThat(r.connected()).isFalse();
    assertThat(r.hint()).isNotBlank();
    assertThat(knownHosts).satisfiesAnyOf(f -> assertThat(f).doesNotExist(),
        f -> assertThat(Files.readString(f)).doesNotContain("127.0.0.3"));
  }
}
