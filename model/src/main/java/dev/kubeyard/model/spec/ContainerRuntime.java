package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * containerd (over CRI) serves every line and is the default (ADR 33); Docker (dockershim) can serve only
 * the lines before 1.24, and the bundle does not carry it.
 */
public enum ContainerRuntime {
  DOCKER, CONTAINERD;

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  @JsonCreator
  public static ContainerRuntime parse(String value) {
    for (ContainerRuntime r : values()) {
      if (r.yamlName().equals(value)) {
        return r;
      }
    }
    throw new UnknownChoice("yaml.unknownRuntime", value, "unknown container runtime '" + value + "'; use docker or containerd");
  }
}
