package dev.kubeyard.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Path;

/** An ed25519 key pair made by ssh-keygen for a test to log in with. */
public record ClientKey(Path privateKey) {
  public static ClientKey generate(Path dir) {
    Path key = dir.resolve("id_ed25519");
    Proc.Result r = Proc.run(null, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kubeyard-test", "-f", key.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    return new ClientKey(key);
  }

  public Path publicKey() {
    return Path.of(privateKey + ".pub");
  }

  /** A target for {@code sshd} as root with this key. */
  public SshTarget target(String host, RealSshd sshd) {
    return new SshTarget(host, sshd.address(), sshd.port(), "root", privateKey, null);
  }
}
