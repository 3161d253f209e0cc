package dev.kubeyard.model.validate;

import dev.kubeyard.model.net.Ipv4;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SshSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each host on its own: name, address, roles, SSH; and uniqueness across hosts. */
final class HostRules implements Rule {

  @Override
  public void check(ClusterSpec s, Problems out) {
    List<HostSpec> hosts = s.hosts();
    if (hosts.isEmpty()) {
      out.add("hosts", "[]", "a cluster needs hosts", "add at least one host with roles etcd, master, node");
      return;
    }
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> addresses = new HashMap<>();
    for (int i = 0; i < hosts.size(); i++) {
      HostSpec h = hosts.get(i);
      String at = "hosts[" + i + "]";
      if (!Names.nodeName(h.name())) {
        out.add(at + ".name", h.name(),
            "not a valid node name (lowercase letters, digits, '-' and '.', starting and ending alphanumeric)",
            "rename it, e.g. 'master1'");
      } else if (names.containsKey(h.name())) {
        out.add(at + ".name", h.name(), "duplicate host name, also used by hosts[" + names.get(h.name()) + "]",
            "give every host its own name");
      }
      if (h.name() != null) {
        names.putIfAbsent(h.name(), i);
      }
      if (Ipv4.parse(h.address()).isEmpty()) {
        out.add(at + ".address", h.address(), "not an IPv4 address", "write it as a.b.c.d");
      } else {
        String normal = Ipv4.parse(h.address()).get().toString();
        if (addresses.containsKey(normal)) {
          out.add(at + ".address", h.address(),
              "duplicate address, also used by hosts[" + addresses.get(normal) + "]",
              "give every host its own address");
        }
        addresses.putIfAbsent(normal, i);
      }
      roles(h, at, out);
      ssh(h.ssh(), at + ".ssh", out);
    }
  }

  private static void roles(HostSpec h, String at, Problems out) {
    if (h.roles().isEmpty()) {
      out.add(at + ".roles", "[]", "host '" + h.name() + "' has no role", "give it one or more of etcd, master, node, lb");
    }
    Set<Role> seen = new HashSet<>();
    for (Role r : h.roles()) {
      if (!seen.add(r)) {
        out.add(at + ".roles", r.yamlName(), "role listed twice on host '" + h.name() + "'", "list each role once");
      }
    }
  }

  private static void ssh(SshSpec ssh, String at, Problems out) {
    if (ssh.user() == null || ssh.user().isBlank()) {
      out.add(at + ".user", ssh.user(), "an SSH user is required", "set user, e.g. root");
    }
    if (!Names.inRange(ssh.port(), 1, 65535)) {
      out.add(at + ".port", ssh.port(), "an SSH port is 1-65535", "use 22");
    }
    String from = ssh.passwordFrom();
    if (from != null && !(from.matches("env:[A-Za-z_][A-Za-z0-9_]*") || from.matches("file:.+"))) {
      out.add(at + ".passwordFrom", from,
          "a password is never written in the spec; passwordFrom names its source",
          "use env:VARIABLE or file:/path/to/password-file");
    }
    if ((ssh.privateKey() == null || ssh.privateKey().isBlank()) && from == null) {
      out.add(at + ".privateKey", ssh.privateKey(), "no way to log in: neither privateKey nor passwordFrom",
          "set privateKey to the path of an SSH private key");
    }
  }
}
