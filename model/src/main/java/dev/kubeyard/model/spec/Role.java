package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a host does in the cluster. A host may hold several roles (the original notes co-locate etcd on masters). */
public enum Role {
  ETCD, MASTER, NODE, LB;

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role parse(String value) {
    return Arrays.stream(values())
        .filter(r -> r.yamlName().equals(value))
        .findFirst()
        .orElseThrow(() -> new UnknownChoice("yaml.unknownRole", value,
            "unknown role '" + value + "'; use one of etcd, master, node, lb"));
  }
}
