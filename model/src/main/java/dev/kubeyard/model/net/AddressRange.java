package dev.kubeyard.model.net;

import java.util.Optional;

/**
 * An inclusive range of IPv4 addresses, written {@code first-last} or as a CIDR: the forms MetalLB's
 * IPAddressPool accepts, and how a DHCP server's lease range is usually written.
 */
public record AddressRange(Ipv4 first, Ipv4 last) {

  public AddressRange {
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("range ends before it starts: " + first + "-" + last);
    }
  }

  /** {@code a.b.c.d-e.f.g.h} (first not after last) or a valid CIDR; empty otherwise. */
  public static Optional<AddressRange> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.contains("/")) {
      return Cidr.parse(t) instanceof Cidr.Parsed p
          ? Optional.of(new AddressRange(p.cidr().first(), p.cidr().last())) : Optional.empty();
    }
    String[] ends = t.split("-", -1);
    if (ends.length != 2) {
      return Optional.empty();
    }
    Optional<Ipv4> a = Ipv4.parse(ends[0]);
    Optional<Ipv4> b = Ipv4.parse(ends[1]);
    if (a.isEmpty() || b.isEmpty() || a.get().compareTo(b.get()) > 0) {
      return Optional.empty();
    }
    return Optional.of(new AddressRange(a.get(), b.get()));
  }

  public boolean contains(Ipv4 ip) {
    return ip.compareTo(first) >= 0 && ip.compareTo(last) <= 0;
  }

  public boolean overlaps(AddressRange other) {
    return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
  }

  public boolean overlaps(Cidr cidr) {
    return overlaps(new AddressRange(cidr.first(), cidr.last()));
  }

  /** Whether every address of the range lies in {@code cidr}. */
  public boolean inside(Cidr cidr) {
    return cidr.contains(first) && cidr.contains(last);
  }

  public long size() {
    return last.value() - first.value() + 1;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
