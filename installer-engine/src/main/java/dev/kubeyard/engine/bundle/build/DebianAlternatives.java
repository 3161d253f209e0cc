package dev.kubeyard.engine.bundle.build;

import java.util.List;
import java.util.Map;

/**
 * The links a package's maintainer script would make with update-alternatives, which unpacking with
 * dpkg-deb -x skips. Debian 12 makes the nf_tables backend the default for iptables.
 */
final class DebianAlternatives {

  /** A link inside the package's tree: {@code path} (relative to the package root) points at {@code target}. */
  record Alternative(String path, String target) {}

  static final String ORIGIN = "update-alternatives (Debian 12 default: iptables-nft)";

  private static final Map<String, List<Alternative>> BY_PACKAGE = Map.of("iptables", List.of(
      new Alternative("usr/sbin/iptables", "iptables-nft"),
      new Alternative("usr/sbin/iptables-save", "iptables-nft-save"),
      new Alternative("usr/sbin/iptables-restore", "iptables-nft-restore"),
      new Alternative("usr/sbin/ip6tables", "ip6tables-nft"),
      new Alternative("usr/sbin/ip6tables-save", "ip6tables-nft-save"),
      new Alternative("usr/sbin/ip6tables-restore", "ip6tables-nft-restore")));

  private DebianAlternatives() {}

  static List<Alternative> of(String packageName) {
    return BY_PACKAGE.getOrDefault(packageName, List.of());
  }
}
