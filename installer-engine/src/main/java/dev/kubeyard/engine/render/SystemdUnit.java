package dev.kubeyard.engine.render;

import java.util.ArrayList;
import java.util.List;

/** A systemd service unit, written the same way for every component so units read alike. */
public final class SystemdUnit {
  private final String description;
  private final List<String> unit = new ArrayList<>();
  private final List<String> service = new ArrayList<>();
  private String execStart;

  public SystemdUnit(String description) {
    this.description = description;
  }

  public SystemdUnit unit(String key, String value) {
    unit.add(key + "=" + value);
    return this;
  }

  public SystemdUnit service(String key, String value) {
    service.add(key + "=" + value);
    return this;
  }

  /** The binary and its flags, one flag per continued line. */
  public SystemdUnit exec(String binary, List<String> flags) {
    StringBuilder b = new StringBuilder(binary);
    for (String f : flags) {
      b.append(" \\\n  ").append(f);
    }
    execStart = b.toString();
    return this;
  }

  public String text() {
    if (execStart == null) {
      throw new IllegalStateException("unit '" + description + "' has no ExecStart");
    }
    StringBuilder b = new StringBuilder("# Rendered by Kubeyard; changes are overwritten by 'kubeyard apply'.\n");
    b.append("[Unit]\nDescription=").append(description).append('\n');
    unit.forEach(l -> b.append(l).append('\n'));
    b.append("\n[Service]\n");
    b.append("ExecStart=").append(execStart).append('\n');
    service.forEach(l -> b.append(l).append('\n'));
    b.append("\n[Install]\nWantedBy=multi-user.target\n");
    return b.toString();
  }
}
