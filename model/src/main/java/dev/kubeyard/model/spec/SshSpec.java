package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How the installer logs in to a host. A password is never stored in the spec: {@code passwordFrom}
 * only says where it comes from ({@code env:NAME} or {@code file:/path}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"user", "port", "privateKey", "passwordFrom"})
public record SshSpec(String user, Integer port, String privateKey, String passwordFrom) {

  /** Fills each missing field from {@code defaults}. */
  public SshSpec orElse(SshSpec defaults) {
    if (defaults == null) {
      return this;
    }
    return new SshSpec(
        user != null ? user : defaults.user,
        port != null ? port : defaults.port,
        privateKey != null ? privateKey : defaults.privateKey,
        passwordFrom != null ? passwordFrom : defaults.passwordFrom);
  }
}
