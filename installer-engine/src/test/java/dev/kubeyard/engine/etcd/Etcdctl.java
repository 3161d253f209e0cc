package dev.kubeyard.engine.etcd;

import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real etcdctl (Debian etcd-client), run inside a test host's namespace with a PKI client cert. */
final class Etcdctl {
  private final String ns;
  private final Path pki;

  Etcdctl(String ns, Path pki) {
    this.ns = ns;
    this.pki = pki;
  }

  Proc.Result run(String endpoints, String... args) {
    return runAs("etcd-healthcheck-client", endpoints, args);
  }

  Proc.Result runAs(String certName, String endpoints, String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "etcdctl", "--dial-timeout=3s",
        "--command-timeout=5s", "--endpoints=" + endpoints, "--cacert=" + pki.resolve("etcd-ca.pem"),
        "--cert=" + pki.resolve(certName + ".pem"), "--key=" + pki.resolve(certName + "-key.pem")));
    cmd.addAll(List.of(args));
    return Proc.run(pki, cmd.toArray(String[]::new));
  }

  /** Retries a command for up to 30 s (e.g. while the remaining members elect a leader); the last result. */
  Proc.Result awaitSuccess(String endpoints, String... args) throws InterruptedException {
    Proc.Result last = run(endpoints, args);
    for (int i = 0; i < 60 && last.exit() != 0; i++) {
      Thread.sleep(500);
      last = run(endpoints, args);
    }
    return last;
  }

  void awaitHealthy(String endpoints) throws InterruptedException {
    Proc.Result last = null;
    for (int i = 0; i < 60; i++) {
      last = run(endpoints, "endpoint", "health");
      if (last.exit() == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("etcd did not become healthy within 30 s: " + last);
  }
}
