package dev.kubeyard.desktop.wizard.hosts;

import dev.kubeyard.desktop.wizard.draft.HostDraft;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Hosts from CSV, one a line: {@code name,address,os,roles,user,port,privateKey,passwordFrom}.
 * Roles are separated by ';', '|' or spaces. Only name and address are required; a header line and
 * lines starting with '#' are skipped.
 */
public final class HostCsv {
  /** The hosts read, and a message for each line that could not be read (with its line number). */
  public record Parsed(List<HostDraft> hosts, List<String> errors) {}

  private HostCsv() {}

  public static Parsed parse(String text) {
    List<HostDraft> hosts = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#") || (n == 0 && line.toLowerCase().startsWith("name,"))) {
        continue;
      }
      try {
        hosts.add(host(line.split(",", -1)));
      } catch (IllegalArgumentException e) {
        errors.add("line " + (n + 1) + ": " + e.getMessage());
      }
    }
    return new Parsed(hosts, errors);
  }

  private static HostDraft host(String[] c) {
    if (c.length < 2 || cell(c, 0).isEmpty() || cell(c, 1).isEmpty()) {
      throw new IllegalArgumentException("needs at least name and address");
    }
    HostDraft h = new HostDraft();
    h.name.set(cell(c, 0));
    h.address.set(cell(c, 1));
    h.os.set(cell(c, 2).isEmpty() ? OsFamily.LINUX : OsFamily.parse(cell(c, 2).toLowerCase()));
    String roles = cell(c, 3);
    for (String r : roles.isEmpty() ? new String[] {"node"} : roles.split("[;| ]+")) {
      h.role(Role.parse(r.toLowerCase())).set(true);
    }
    h.sshUser.set(cell(c, 4).isEmpty() ? (h.os.get() == OsFamily.WINDOWS ? "Administrator" : "root") : cell(c, 4));
    h.sshPort.set(cell(c, 5).isEmpty() ? "22" : cell(c, 5));
    if (!cell(c, 6).isEmpty()) {
      h.sshKey.set(cell(c, 6));
    }
    h.sshPasswordFrom.set(cell(c, 7));
    return h;
  }

  private static String cell(String[] c, int i) {
    return i < c.length ? c[i].strip() : "";
  }
}
