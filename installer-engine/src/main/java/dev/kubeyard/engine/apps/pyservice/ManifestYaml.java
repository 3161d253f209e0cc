package dev.kubeyard.engine.apps.pyservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kubeyard.engine.files.Sha256;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps to YAML text: same input, same bytes (insertion order, no timestamps). */
final class ManifestYaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  private ManifestYaml() {}

  /** An ordered map from alternating keys and values; null values are left out. */
  static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return m;
  }

  /** YAML for one object, after a comment header that says where it came from (and why, if given). */
  static String write(Map<String, Object> object, String... commentLines) {
    StringBuilder out = new StringBuilder("# Rendered by Kubeyard for the platform gateway; edits are overwritten.\n");
    for (String line : commentLines) {
      out.append("# ").append(line).append('\n');
    }
    try {
      return out.append(MAPPER.writeValueAsString(object)).toString();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String text) {
    return Sha256.of(text);
  }
}
