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
      out.add("hosts", "[]", "hosts.none");
      return;
    }
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> addresses = new HashMap<>();
    for (int i = 0; i < hosts.size(); i++) {
      HostSpec h = hosts.get(i);
      String at = "hosts[" + i + "]";
      if (!Names.nodeName(h.name())) {
        out.add(at + ".name", h.name(), "hosts.nodeName");
      } else if (names.containsKey(h.name())) {
        out.add(at + ".name", h.name(), "hosts.duplicateName", names.get(h.name()));
      }
      if (h.name() != null) {
        names.putIfAbsent(h.name(), i);
      }
      if (Ipv4.parse(h.address()).isEmpty()) {
        out.add(at + ".address", h.address(), "hosts.address");
      } else {
        String normal = Ipv4.parse(h.address()).get().toString();
        if (addresses.containsKey(normal)) {
          out.add(at + ".address", h.address(), "hosts.duplicateAddress", addresses.get(normal));
        }
        addresses.putIfAbsent(normal, i);
      }
      roles(h, at, out);
      ssh(h.ssh(), at + ".ssh", out);
    }
  }

  private static void roles(HostSpec h, String at, Problems out) {
    if (h.roles().isEmpty()) {
      out.add(at + ".roles", "[]", "hosts.noRole", h.name());
    }
    Set<Role> seen = new HashSet<>();
    for (Role r : h.roles()) {
      if (!seen.add(r)) {
        out.add(at + ".roles", r.yamlName(), "hosts.roleTwice", h.name());
      }
    }
  }

  private static void ssh(SshSpec ssh, String at, Problems out) {
    if (ssh.user() == null || ssh.user().isBlank()) {
      out.add(at + ".user", ssh.user(), "ssh.user");
    }
    if (!Names.inRange(ssh.port(), 1, 65535)) {
      out.add(at + ".port", ssh.port(), "ssh.port");
    }
    String from = ssh.passwordFrom();
    if (from != null && !(from.matches("env:[A-Za-z_][A-Za-z0-9_]*") || from.matches("file:.+"))) {
      out.add(at + ".passwordFrom", from, "ssh.passwordFrom");
    }
    boolean key = ssh.privateKey() != null && !ssh.privateKey().isBlank();
    if (!key && from == null && !ssh.usesAgent()) {
      out.add(at + ".privateKey", ssh.privateKey(), "ssh.noLogin");
    }
    String passphrase = ssh.privateKeyPassphraseFrom();
    if (passphrase != null) {
      if (!(passphrase.matches("env:[A-Za-z_][A-Za-z0-9_]*") || passphrase.matches("file:.+")
          || passphrase.equals("prompt"))) {
        out.add(at + ".privateKeyPassphraseFrom", passphrase, "ssh.passphraseFrom");
      } else if (!key) {
        out.add(at + ".privateKeyPassphraseFrom", passphrase, "ssh.passphraseWithoutKey");
      }
    }
  }
}
