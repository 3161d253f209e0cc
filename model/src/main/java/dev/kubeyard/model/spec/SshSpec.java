package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How the installer logs in to a host. No secret is ever stored in the spec: {@code passwordFrom} only
 * says where the password comes from ({@code env:NAME} or {@code file:/path}), {@code privateKeyPassphraseFrom}
 * where the passphrase of an encrypted {@code privateKey} comes from ({@code env:NAME}, {@code file:/path} or
 * {@code prompt}), and {@code agent: true} logs in with the keys of the running ssh-agent ({@code SSH_AUTH_SOCK}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"user", "port", "privateKey", "privateKeyPassphraseFrom", "agent", "passwordFrom"})
public record SshSpec(String user, Integer port, String privateKey, String passwordFrom, Boolean agent,
    String privateKeyPassphraseFrom) {

  /** Without agent or key passphrase (the spec before ADR 37). */
  public SshSpec(String user, Integer port, String privateKey, String passwordFrom) {
    this(user, port, privateKey, passwordFrom, null, null);
  }

  /** True when the keys of the running ssh-agent are offered. */
  public boolean usesAgent() {
    return Boolean.TRUE.equals(agent);
  }

  /** Fills each missing field from {@code defaults}. */
  public SshSpec orElse(SshSpec defaults) {
    if (defaults == null) {
      return this;
    }
    return new SshSpec(
        user != null ? user : defaults.user,
        port != null ? port : defaults.port,
        privateKey != null ? privateKey : defaults.privateKey,
        passwordFrom != null ? passwordFrom : defaults.passwordFrom,
        agent != null ? agent : defaults.agent,
        privateKeyPassphraseFrom != null ? privateKeyPassphraseFrom : defaults.privateKeyPassphraseFrom);
  }
}
