package dev.kubeyard.desktop.testing;

import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Metadata;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SshSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two hosts, alpha (127.0.0.2) and beta (127.0.0.3), each a real sshd on loopback, and a small plan
 * of harmless steps for them that writes only under {@code dir/roots}. Beta's second step fails
 * ("no space left on device", exit 28) until the test "fixes the host" with {@link #fixBeta()}.
 */
public final class SshTestHosts implements AutoCloseable {
  public final Path dir;
  public final Path clientKey;
  private final List<LoopbackSshd> servers = new ArrayList<>();
  private final List<HostSpec> hosts = new ArrayList<>();

  public SshTestHosts(Path dir) {
    this.dir = dir;
    this.clientKey = LoopbackSshd.clientKey(dir);
    String[][] names = {{"alpha", "127.0.0.2"}, {"beta", "127.0.0.3"}};
    for (String[] n : names) {
      LoopbackSshd s = LoopbackSshd.start(dir.resolve("sshd-" + n[0]), n[1], clientKey);
      servers.add(s);
      hosts.add(new HostSpec(n[0], n[1], OsFamily.LINUX, List.of(Role.NODE),
          new SshSpec("root", s.port(), clientKey.toString(), null)));
    }
  }

  public ClusterSpec spec() {
    return new ClusterSpec(ClusterSpec.API_VERSION, ClusterSpec.KIND, new Metadata("ssh-test"), null, null, null, null,
        null, hosts, null);
  }

  public LoopbackSshd server(int i) {
    return servers.get(i);
  }

  /** A known_hosts file that already trusts both servers (what "Test connection" leaves behind). */
  public Path trustedKnownHosts() {
    Path file = dir.resolve("known_hosts");
    try {
      Files.writeString(file, servers.get(0).knownHostsLine() + "\n" + servers.get(1).knownHostsLine() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private String root(String host) {
    return dir.resolve("roots").resolve(host).toString();
  }

  public Plan plan() {
    List<Step> steps = new ArrayList<>();
    for (HostSpec h : hosts) {
      String root = root(h.name());
      steps.add(new Step("make-folder", Phase.PREPARE_OS, h.name(), "make the work folder", "test -d " + root,
          List.of(new Action.Run("mkdir -p " + root)), "test -d " + root));
    }
    for (HostSpec h : hosts) {
      String root = root(h.name());
      String write = "echo installed > " + root + "/marker";
      String apply = h.name().equals("beta")
          ? "test -f " + dir.resolve("beta-fixed") + " || { echo 'write " + root + "/marker: no space left on device' >&2; exit 28; }; " + write
          : write;
      steps.add(new Step("write-marker", Phase.NODE, h.name(), "write the marker", "test -f " + root + "/marker",
          List.of(new Action.Run(apply)), "grep -q installed " + root + "/marker"));
    }
    return new Plan("ssh-test", "1.35.0", steps);
  }

  /** What the administrator does after reading the failure: frees the space on beta. */
  public void fixBeta() {
    try {
      Files.writeString(dir.resolve("beta-fixed"), "yes\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    servers.forEach(LoopbackSshd::close);
  }
}
