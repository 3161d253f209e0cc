package dev.kubeyard.engine.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Resolves a spec's {@code passwordFrom} ({@code env:NAME} or {@code file:/path}); the password never appears in a message. */
public final class PasswordSource {
  private PasswordSource() {}

  public static String resolve(String host, String passwordFrom) {
    return resolve(host, "passwordFrom", passwordFrom);
  }

  /** As {@link #resolve(String, String)} for the spec field {@code field} (privateKeyPassphraseFrom, say). */
  static String resolve(String host, String field, String passwordFrom) {
    if (passwordFrom == null) {
      return null;
    }
    if (passwordFrom.startsWith("env:")) {
      String name = passwordFrom.substring(4);
      String value = System.getenv(name);
      if (value == null || value.isEmpty()) {
        throw new TransportException(host, field + " " + passwordFrom + " names an unset environment variable",
            "export " + name + " before running kubeyard, or use an SSH key (ssh.privateKey)", null);
      }
      return value;
    }
    if (passwordFrom.startsWith("file:")) {
      String path = passwordFrom.substring(5);
      try {
        String content = Files.readString(SshTarget.expandHome(path), StandardCharsets.UTF_8);
        return content.lines().findFirst().orElse("");
      } catch (IOException e) {
        throw new TransportException(host, "cannot read the password file " + path + " (" + e.getClass().getSimpleName() + ")",
            "check " + field + " in cluster.yaml and the file's permissions", e);
      }
    }
    throw new TransportException(host, field + " must be env:NAME or file:/path (found '" + passwordFrom + "')",
        "fix ssh." + field + " in cluster.yaml", null);
  }
}
