package dev.kubeyard.engine.apps.elasticsearch.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A status code and a JSON body. */
public record EsResponse(int status, String body) {
  static final ObjectMapper JSON = new ObjectMapper();

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      throw new EsException("Elasticsearch answered " + status + " with a body that is not JSON: " + abbreviated(),
          "check that the address is an Elasticsearch HTTP port", e);
    }
  }

  public String abbreviated() {
    String b = body == null ? "" : body;
    return b.length() > 400 ? b.substring(0, 400) + "…" : b;
  }
}
