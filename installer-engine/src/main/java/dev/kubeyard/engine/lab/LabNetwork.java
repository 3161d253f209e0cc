package dev.kubeyard.engine.lab;

import java.util.List;

/**
 * The lab's wires: one network namespace per host, all on a bridge that lives in its own "switch"
 * namespace, so the machine's own interfaces are never touched. One veth ("uplink") from the root
 * namespace to the bridge lets the installer on this machine reach the hosts; the root namespace does
 * not forward (ip_forward stays as it is, 0 here) and the hosts' default route ends in the switch
 * namespace, which forwards nothing: lab traffic cannot leave the lab.
 *
 * <p>Addresses: hosts anywhere in {@code prefix.1-.250}, the switch {@code prefix.253}, the
 * uplink {@code prefix.254}.
 */
public final class LabNetwork {
  private final String name;
  private final String prefix;

  /**
   * @param name short lab name (letters/digits, at most 8), used in namespace and interface names
   * @param prefix the first three octets of the lab's /24, e.g. "10.213.50"
   */
  public LabNetwork(String name, String prefix) {
    if (!name.matches("[a-z0-9]{1,8}")) {
      throw new IllegalArgumentException("a lab name is 1-8 lowercase letters or digits: " + name);
    }
    this.name = name;
    this.prefix = prefix;
  }

  public String switchNamespace() {
    return "ky" + name + "-sw";
  }

  public String hostNamespace(String host) {
    return "ky" + name + "-" + host;
  }

  public String uplink() {
    return "ky" + name;
  }

  public String uplinkAddress() {
    return prefix + ".254";
  }

  public String gateway() {
    return prefix + ".253";
  }

  public boolean exists() {
    return LocalCommand.run(10, "ip", "netns", "pids", switchNamespace()).exit() == 0;
  }

  /** Creates the switch namespace, its bridge and the uplink; does nothing when they exist. */
  public void create() {
    if (exists()) {
      return;
    }
    String inUse = LocalCommand.sh("ip -4 -o addr show | awk '{print $2, $4}' | grep -F ' " + prefix + ".' || true").output().strip();
    if (!inUse.isEmpty()) {
      throw new LabException("the lab subnet " + prefix + ".0/24 is already in use on this machine: " + inUse,
          "take the other lab down (kubeyard lab down) or choose another subnet");
    }
    String sw = switchNamespace();
    LocalCommand.sh(String.join(" && ",
        "ip netns add " + sw,
        "ip netns exec " + sw + " sysctl -qw net.ipv4.ip_forward=0",
        "ip -n " + sw + " link set lo up",
        "ip -n " + sw + " link add br0 type bridge",
        "ip -n " + sw + " addr add " + gateway() + "/24 dev br0",
        "ip -n " + sw + " link set br0 up",
        "ip link add " + uplink() + " type veth peer name up0 netns " + sw,
        "ip addr add " + uplinkAddress() + "/24 dev " + uplink(),
        "ip link set " + uplink() + " up",
        "ip -n " + sw + " link set up0 master br0",
        "ip -n " + sw + " link set up0 up"))
        .orThrow("the lab needs root, iproute2 and a free subnet " + prefix + ".0/24");
  }

  /** Adds a host namespace with eth0 at {@code address}/24 on the bridge; idempotent. */
  public String addHost(String host, int index, String address) {
    String ns = hostNamespace(host);
    if (LocalCommand.run(10, "ip", "netns", "pids", ns).exit() == 0) {
      return ns;
    }
    String port = "p" + index;
    String tmp = "ky" + name + "t" + index;
    LocalCommand.sh(String.join(" && ",
        "ip netns add " + ns,
        "ip link add " + tmp + " netns " + ns + " type veth peer name " + port + " netns " + switchNamespace(),
        "ip -n " + ns + " link set " + tmp + " name eth0",
        "ip -n " + ns + " addr add " + address + "/24 dev eth0",
        "ip -n " + ns + " link set lo up",
        "ip -n " + ns + " link set eth0 up",
        "ip -n " + ns + " route add default via " + gateway(),
        "ip -n " + switchNamespace() + " link set " + port + " master br0",
        "ip -n " + switchNamespace() + " link set " + port + " up"))
        .orThrow("could not wire host " + host + "; run 'kubeyard lab down' and try again");
    return ns;
  }

  /** Cuts or restores a host's cable. */
  public void link(String host, boolean up) {
    LocalCommand.run(10, "ip", "-n", hostNamespace(host), "link", "set", "eth0", up ? "up" : "down")
        .orThrow("is the lab up?");
  }

  /** Removes the host namespaces (killing what still runs in them), the bridge and the uplink. */
  public void destroy() {
    for (String ns : namespaces()) {
      if (ns.equals(switchNamespace())) {
        continue;
      }
      LocalCommand.sh("ip netns pids " + ns + " 2>/dev/null | xargs -r kill -9; ip netns del " + ns + " 2>/dev/null; true");
    }
    LocalCommand.sh("ip link del " + uplink() + " 2>/dev/null; ip netns del " + switchNamespace() + " 2>/dev/null; true");
  }

  /** Every namespace of this lab that exists now (to find leftovers). */
  public List<String> namespaces() {
    String out = LocalCommand.run(10, "ip", "netns", "list").output();
    return out.lines().map(l -> l.split("\\s+")[0]).filter(n -> n.startsWith("ky" + name + "-")).toList();
  }
}
