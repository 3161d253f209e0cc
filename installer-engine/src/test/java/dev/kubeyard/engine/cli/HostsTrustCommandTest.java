package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.transport.ClientKey;
import dev.kubeyard.engine.transport.RealSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'kubeyard hosts trust' against a real sshd: only the fingerprint the user read gets into known_hosts. */
class HostsTrustCommandTest {
  @TempDir Path dir;
  RealSshd sshd;
  Path spec;

  @BeforeEach
  void hostAndSpec() throws Exception {
    assumeTrue(RealSshd.available(), "needs openssh-server");
    ClientKey key = ClientKey.generate(dir);
    sshd = RealSshd.onLoopback(dir.resolve("sshd"), key);
    spec = dir.resolve("cluster.yaml");
    Files.writeString(spec, String.join("\n",
        "apiVersion: kubeyard.dev/v1alpha1", "kind: Cluster", "metadata: {name: one}", "kubernetes: {version: 1.35.0}",
        "hosts:",
        "  - name: solo",
        "    address: 127.0.0.1",
        "    roles: [etcd, master, node]",
        "    ssh: {user: root, port: " + sshd.port() + ", privateKey: " + key.privateKey() + "}", ""));
  }

  @AfterEach
  void stop() {
    if (sshd != null) {
      sshd.close();
    }
  }

  @Test
  void aWrongFingerprintIsRefusedAndNothingIsRecorded() {
    int exit = Main.run("hosts", "trust", "-f", spec.toString(), "--fingerprint", "SHA256:notTheRightOne");
    assertThat(exit).isEqualTo(1);
    assertThat(dir.resolve("known_hosts")).doesNotExist();
  }

  @Test
  void theRightFingerprintIsRecordedBesideTheSpecAndLaterCommandsConnect() throws Exception {
    assertThat(Main.run("hosts", "trust", "-f", spec.toString(), "--fingerprint", sshd.fingerprint())).isZero();
    assertThat(Files.readString(dir.resolve("known_hosts"))).isEqualTo(sshd.knownHostsLine() + "\n");
    assertThat(Main.run("hosts", "trust", "-f", spec.toString(), "solo")).as("already trusted, no prompt needed").isZero();
  }
}
