package dev.kubeyard.desktop;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code host:stepId,host:stepId} from {@code -Dkubeyard.rehearsal.fail}, to show the failure path. */
final class RehearsalFailures {
  private RehearsalFailures() {}

  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int colon = pair.indexOf(':');
      if (colon > 0) {
        out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
      }
    }
    return out;
  }
}
