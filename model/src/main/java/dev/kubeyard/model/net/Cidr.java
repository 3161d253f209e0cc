package dev.kubeyard.model.net;

import java.util.Optional;

/** An IPv4 network in CIDR notation whose address is the network's first address. */
public record Cidr(Ipv4 network, int prefix) {

  /** Why a CIDR string was refused, phrased for a validation message. */
  public sealed interface ParseResult permits Parsed, Refused {}

  public record Parsed(Cidr cidr) implements ParseResult {}

  public record Refused(String rule, String fix) implements ParseResult {}

  public static ParseResult parse(String text) {
    if (text == null || text.isBlank()) {
      return new Refused("a CIDR is required", "write it as a.b.c.d/prefix, for example 10.68.0.0/16");
    }
    String[] parts = text.trim().split("/", -1);
    Optional<Ipv4> ip = Ipv4.parse(parts[0]);
    if (parts.length != 2 || ip.isEmpty() || !parts[1].matches("\\d{1,2}")) {
      return new Refused("not an IPv4 CIDR", "write it as a.b.c.d/prefix, for example 10.68.0.0/16");
    }
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 1 || prefix > 32) {
      return new Refused("prefix must be between 1 and 32", "use a prefix such as /16");
    }
    long mask = mask(prefix);
    if ((ip.get().value() & ~mask & 0xFFFF_FFFFL) != 0) {
      Ipv4 base = new Ipv4(ip.get().value() & mask);
      return new Refused("host bits are set: the network address of /" + prefix + " is " + base,
          "use " + base + "/" + prefix);
    }
    return new Parsed(new Cidr(ip.get(), prefix));
  }

  /** Parses a CIDR that is known to be valid (defaults, tests). */
  public static Cidr of(String text) {
    if (parse(text) instanceof Parsed p) {
      return p.cidr();
    }
    throw new IllegalArgumentException("invalid CIDR: " + text);
  }

  private static long mask(int prefix) {
    return (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
  }

  public long size() {
    return 1L << (32 - prefix);
  }

  public Ipv4 first() {
    return network;
  }

  public Ipv4 last() {
    return new Ipv4(network.value() + size() - 1);
  }

  public boolean contains(Ipv4 ip) {
    return ip.value() >= network.value() && ip.value() <= last().value();
  }

  public boolean overlaps(Cidr other) {
    return contains(other.first()) || other.contains(first());
  }

  /** The n-th address of the network (n = 1 is the Kubernetes service IP for a service CIDR). */
  public Ipv4 address(long n) {
    return network.plus(n);
  }

  @Override
  public String toString() {
    return network + "/" + prefix;
  }
}
