package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The operating system family of a host: it decides which files and transport commands apply. */
public enum OsFamily {
  LINUX, WINDOWS;

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static OsFamily parse(String value) {
    for (OsFamily os : values()) {
      if (os.yamlName().equals(value)) {
        return os;
      }
    }
    throw new UnknownChoice("yaml.unknownOs", value, "unknown os '" + value + "'; use linux or windows");
  }
}
