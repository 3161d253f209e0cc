package dev.kubeyard.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host keys are checked against known_hosts: unknown keys wait for a decision, changed keys are refused. */
class HostKeyVerificationTest {
  private static final Duration T = Duration.ofSeconds(20);
  @TempDir Path dir;
  RealSshd sshd;
  ClientKey key;
  Path knownHosts;

  @BeforeEach
  void startSshd() {
    assumeTrue(RealSshd.available(), "needs openssh-server (scripts/install-deps)");
    key = ClientKey.generate(dir);
    sshd = RealSshd.onLoopback(dir.resolve("sshd"), key);
    knownHosts = dir.resolve("known_hosts");
  }

  @AfterEach
  void stop() {
    if (sshd != null) {
      sshd.close();
    }
  }

  private JschTransport transport(HostKeyTrust trust) {
    return new JschTransport(key.target("master1", sshd), SshSettings.of(knownHosts).withTrust(trust));
  }

  @Test
  void refusesAnUnknownHostKeyShowingTheFingerprintSshKeygenPrints() {
    try (JschTransport t = transport(HostKeyTrust.REFUSE)) {
      assertThatThrownBy(() -> t.run("true", T))
          .isInstanceOfSatisfying(HostKeyRejected.class, e -> {
            assertThat(e.changed()).isFalse();
            assertThat(e.offered().fingerprint()).isEqualTo(sshd.fingerprint());
            assertThat(e.getMessage()).contains("master1").contains(sshd.fingerprint()).contains("not known");
            assertThat(e.hint()).contains("kubeyard hosts trust -f cluster.yaml master1 --fingerprint " + sshd.fingerprint());
          });
    }
    assertThat(knownHosts).doesNotExist();
  }

  @Test
  void anUnknownKeyAcceptedByTheTrustCallbackIsRecordedAndNotAskedAgain() throws Exception {
    List<OfferedHostKey> asked = new ArrayList<>();
    try (JschTransport t = transport(k -> asked.add(k))) {
      assertThat(t.run("echo in", T).output()).isEqualTo("in\n");
    }
    assertThat(asked).singleElement().satisfies(k -> assertThat(k.fingerprint()).isEqualTo(sshd.fingerprint()));
    assertThat(Files.readString(knownHosts)).isEqualTo(sshd.knownHostsLine() + "\n");
    try (JschTransport t = transport(HostKeyTrust.REFUSE)) {
      assertThat(t.run("true", T).exitCode()).isZero();
    }
  }

  @Test
  void trustingByFingerprintAcceptsOnlyThatFingerprint() {
    try (JschTransport t = transport(HostKeyTrust.fingerprint("SHA256:somethingElse"))) {
      assertThatThrownBy(() -> t.run("true", T)).isInstanceOf(HostKeyRejected.class);
    }
    try (JschTransport t = transport(HostKeyTrust.fingerprint(sshd.fingerprint()))) {
      assertThat(t.run("true", T).exitCode()).isZero();
    }
  }

  @Test
  void refusesAChangedHostKeyNamingHostExpectedAndFoundFingerprintsAndWhatToDo() throws Exception {
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    String expected = sshd.fingerprint();
    sshd.replaceHostKey();
    String found = sshd.fingerprint();
    List<OfferedHostKey> asked = new ArrayList<>();
    try (JschTransport t = transport(k -> asked.add(k))) {
      assertThatThrownBy(() -> t.run("true", T))
          .isInstanceOfSatisfying(HostKeyRejected.class, e -> {
            assertThat(e.changed()).isTrue();
            assertThat(e.getMessage()).contains("HOST KEY CHANGED").contains("[127.0.0.1]:" + sshd.port())
                .contains(expected).contains(found);
            assertThat(e.hint()).contains("ssh-keygen -R '[127.0.0.1]:" + sshd.port() + "' -f " + knownHosts);
          });
    }
    assertThat(asked).as("a changed key is never offered for trust").isEmpty();
  }

  @Test
  void readsHashedKnownHostsEntriesAsOpenSshWritesThem() throws Exception {
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    Proc.Result r = Proc.run(null, "ssh-keygen", "-H", "-f", knownHosts.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Files.readString(knownHosts)).startsWith("|1|");
    try (JschTransport t = transport(HostKeyTrust.REFUSE)) {
      assertThat(t.run("true", T).exitCode()).isZero();
    }
  }

  @Test
  void aLoginWithAKeyTheHostDoesNotKnowIsRefusedWithAHint() throws Exception {
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    Path other = Files.createDirectories(dir.resolve("other"));
    ClientKey stranger = ClientKey.generate(other);
    try (JschTransport t = new JschTransport(stranger.target("master1", sshd), SshSettings.of(knownHosts))) {
      assertThatThrownBy(() -> t.run("true", T))
          .isInstanceOf(TransportException.class).hasMessageContaining("refused")
          .satisfies(e -> assertThat(((TransportException) e).hint()).contains("authorized_keys"));
    }
  }

  @Test
  void aHostWithoutSshdIsReportedWithAddressPortAndHint() throws Exception {
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    sshd.close();
    try (JschTransport t = transport(HostKeyTrust.REFUSE)) {
      assertThatThrownBy(() -> t.run("true", T))
          .isInstanceOf(TransportException.class).hasMessageContaining("cannot connect to root@127.0.0.1:" + sshd.port())
          .satisfies(e -> assertThat(((TransportException) e).hint()).contains("sshd listens on port " + sshd.port()));
    }
  }
}
