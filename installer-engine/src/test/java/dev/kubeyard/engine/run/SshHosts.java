package dev.kubeyard.engine.run;

import dev.kubeyard.engine.lab.LabNetwork;
import dev.kubeyard.engine.transport.ClientKey;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.engine.transport.RealSshd;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTarget;
import dev.kubeyard.engine.transport.TransportFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hosts for executor tests: each a network namespace on the lab bridge with its own real sshd, and a
 * throwaway root directory that the test's steps write under (the namespaces share this machine's
 * files). A silent host is given up after 2 x 1 s, so a cut link shows quickly.
 */
final class SshHosts implements AutoCloseable {
  final LabNetwork network;
  final Path dir;
  final Path knownHosts;
  final ClientKey key;
  final Map<String, String> addresses = new LinkedHashMap<>();
  private final List<RealSshd> servers = new ArrayList<>();

  /** @param id one letter that keeps this set of hosts apart from others in the same test run */
  SshHosts(Path dir, String id, String prefix, String... hosts) {
    this.dir = dir;
    this.network = new LabNetwork(id + ProcessHandle.current().pid() % 1_000_000, prefix);
    network.destroy();
    network.create();
    this.key = ClientKey.generate(dir);
    this.knownHosts = dir.resolve("known_hosts");
    StringBuilder known = new StringBuilder();
    for (int i = 0; i < hosts.length; i++) {
      String address = prefix + "." + (i + 1);
      String ns = network.addHost(hosts[i], i, address);
      RealSshd sshd = RealSshd.inNamespace(dir.resolve("sshd-" + hosts[i]), ns, address, key);
      servers.add(sshd);
      known.append(sshd.knownHostsLine()).append('\n');
      addresses.put(hosts[i], address);
    }
    try {
      Files.writeString(knownHosts, known.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where host {@code h}'s files go in these tests. */
  String root(String h) {
    return dir.resolve("roots").resolve(h).toString();
  }

  TransportFactory transports() {
    SshSettings settings = SshSettings.of(knownHosts).withKeepAlive(Duration.ofSeconds(1), 2);
    return h -> new JschTransport(new SshTarget(h, addresses.get(h), 22, "root", key.privateKey(), null), settings);
  }

  @Override
  public void close() {
    servers.forEach(RealSshd::close);
    network.destroy();
  }
}
