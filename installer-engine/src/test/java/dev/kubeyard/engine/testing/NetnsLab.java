package dev.kubeyard.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Test hosts as network namespaces on a private bridge that lives in its own namespace, so no test
 * traffic ever touches the machine's interfaces. Subnet 10.213.x.0/24 is used by nothing else here.
 */
public final class NetnsLab implements AutoCloseable {
  private final String prefix;
  private final String switchNs;
  private final List<String> hosts = new ArrayList<>();

  public NetnsLab(String name) {
    this.prefix = "ky" + name + ProcessHandle.current().pid() % 10000;
    this.switchNs = prefix + "-sw";
    sh("ip netns add " + switchNs + " && ip -n " + switchNs + " link add br0 type bridge && "
        + "ip -n " + switchNs + " link set br0 up && ip -n " + switchNs + " link set lo up");
  }

  /** Adds a host namespace with {@code address}/24 on the bridge; returns its namespace name. */
  public String addHost(String hostName, String address) {
    String ns = prefix + "-" + hostName;
    String veth = "v" + hosts.size() + prefix.substring(2);
    sh("ip netns add " + ns
        + " && ip link add " + veth + "a netns " + ns + " type veth peer name " + veth + "b netns " + switchNs
        + " && ip -n " + ns + " link set " + veth + "a name eth0"
        + " && ip -n " + ns + " addr add " + address + "/24 dev eth0"
        + " && ip -n " + ns + " link set eth0 up && ip -n " + ns + " link set lo up"
        + " && ip -n " + switchNs + " link set " + veth + "b master br0 && ip -n " + switchNs + " link set " + veth + "b up");
    hosts.add(ns);
    return ns;
  }

  /** Cuts or restores a host's link, as a cable pull would. */
  public void link(String ns, boolean up) {
    sh("ip -n " + ns + " link set eth0 " + (up ? "up" : "down"));
  }

  private static void sh(String command) {
    Proc.Result r = Proc.run(null, "sh", "-c", command);
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  @Override
  public void close() {
    for (String ns : hosts) {
      Proc.run(null, "sh", "-c", "ip netns pids " + ns + " | xargs -r kill -9; ip netns del " + ns);
    }
    Proc.run(null, "ip", "netns", "del", switchNs);
  }
}
