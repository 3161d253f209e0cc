package dev.kubeyard.engine.render;

import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;

/** Builds a component's command line for one version; refuses flags that version does not have. */
public final class CommandFlags {
  private final String component;
  private final KubernetesVersion version;
  private final List<String> flags = new ArrayList<>();

  public CommandFlags(String component, KubernetesVersion version) {
    this.component = component;
    this.version = version;
  }

  public CommandFlags add(String flag, Object value) {
    if (!FlagCatalog.exists(component, flag, version)) {
      throw new IllegalStateException(component + " " + version + " has no flag " + flag
          + " (it exists " + FlagCatalog.lifeOf(component, flag) + ")");
    }
    flags.add(flag + "=" + value);
    return this;
  }

  public CommandFlags addIf(boolean when, String flag, Object value) {
    return when ? add(flag, value) : this;
  }

  /** Each flag on its own line, as systemd units show them. */
  public List<String> lines() {
    return List.copyOf(flags);
  }

  public String component() {
    return component;
  }
}
