package dev.kubeyard.engine.k8s.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * Tells an answer that means "no Elasticsearch pod could take the request yet" from Elasticsearch's
 * own answers. The apiserver's service proxy answers 503 with a Kubernetes {@code Status} when the
 * Service has no ready endpoint ("no endpoints available for service ...") or the pod refused the
 * connection ("error trying to reach service: dial tcp ...: connect: connection refused"); the 1.14
 * line's proxy writes the dial error as plain text ("Error: 'dial tcp ...'"). A 503
 * {@code master_not_discovered_exception} is Elasticsearch itself while its only master restarts.
 * Everything else, errors included, is an answer for the caller.
 */
final class ProxyAnswer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DIAL_ERRORS = List.of("no endpoints available", "dial tcp", "connection refused",
      "connection reset", "Trying to reach", "EOF", "i/o timeout");

  private ProxyAnswer() {}

  /** The reason to ask again, or empty when the answer is final. */
  static Optional<String> notYetReady(int status, String body) {
    if (status != 502 && status != 503 && status != 504) {
      return Optional.empty();
    }
    String text = body == null ? "" : body.strip();
    JsonNode json = parse(text);
    if (json != null && "Status".equals(json.path("kind").asText())) {
      return Optional.of(json.path("message").asText(text));
    }
    if (json != null && "master_not_discovered_exception".equals(json.path("error").path("type").asText())) {
      return Optional.of("Elasticsearch has no elected master yet");
    }
    if (json == null && DIAL_ERRORS.stream().anyMatch(text::contains)) {
      return Optional.of(text.lines().findFirst().orElse(text));
    }
    return Optional.empty();
  }

  private static JsonNode parse(String text) {
    if (!text.startsWith("{")) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
