package dev.kubeyard.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hides secret values in a file's lines before they are shown in a diff: the value after a key that names
 * a secret (password, token, secret, key data, keepalived's auth_pass), and every line of a PEM private key.
 * Both sides are masked alike, so a changed secret shows as "differs only in masked values".
 */
final class SecretMask {
  static final String MASK = "<masked>";
  private static final Pattern SECRET_VALUE = Pattern.compile(
      "(?i)((?:password|passwd|secret|token|key-data|auth_pass|private[_-]?key)[\"']?\\s*[:=\\s]\\s*)(\\S.*)");

  private SecretMask() {}

  static List<String> lines(String content) {
    List<String> out = new ArrayList<>();
    boolean inKey = false;
    for (String line : content.split("\n", -1)) {
      if (line.contains("-----BEGIN") && line.contains("PRIVATE KEY-----")) {
        inKey = true;
        out.add(line);
        continue;
      }
      if (inKey) {
        inKey = !(line.contains("-----END") && line.contains("PRIVATE KEY-----"));
        out.add(inKey ? MASK : line);
        continue;
      }
      out.add(SECRET_VALUE.matcher(line).replaceFirst("$1" + MASK));
    }
    return out;
  }
}
