package dev.kubeyard.model.net;

import java.util.List;
import java.util.Optional;

/** An IPv4 network in CIDR notation whose address is the network's first address. */
public record Cidr(Ipv4 network, int prefix) {

  /** A CIDR string parsed, or refused. */
  public sealed interface ParseResult permits Parsed, Refused {}

  public record Parsed(Cidr cidr) implements ParseResult {}

  /** Why a CIDR string was refused: a validation message key ({@code cidr.*}) and its arguments. */
  public record Refused(String key, List<String> args) implements ParseResult {
    public Refused {
      args = List.copyOf(args);
    }
  }

  public static ParseResult parse(String text) {
    if (text == null || text.isBlank()) {
      return new Refused("cidr.required", List.of());
    }
    String[] parts = text.trim().split("/", -1);
    Optional<Ipv4> ip = Ipv4.parse(parts[0]);
    if (parts.length != 2 || ip.isEmpty() || !parts[1].matches("\\d{1,2}")) {
      return new Refused("cidr.form", List.of());
    }
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 1 || prefix > 32) {
      return new Refused("cidr.prefix", List.of());
    }
    long mask = mask(prefix);
    if ((ip.get().value() & ~mask & 0xFFFF_FFFFL) != 0) {
      Ipv4 base = new Ipv4(ip.get().value() & mask);
      return new Refused("cidr.hostBits", List.of(String.valueOf(prefix), base.toString()));
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
