package dev.kubeyard.engine.apps.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the cluster holds against what the load generator was told was written: the count,
 * the acknowledged ids that are missing, and a SHA-256 over every "id=payload" line in id order.
 */
public record DocumentAudit(long expected, long found, long missing, String expectedChecksum, String foundChecksum) {

  public static DocumentAudit of(ElasticsearchApi api, String index, Map<String, String> acknowledged) throws Exception {
    api.call("POST", "/" + index + "/_refresh", null, 200);
    TreeMap<String, String> stored = new TreeMap<>();
    JsonNode page = api.call("POST", "/" + index + "/_search?scroll=1m", "{\"size\":1000,\"_source\":[\"payload\"],"
        + "\"sort\":[\"_doc\"]}", 200);
    while (page.path("hits").path("hits").size() > 0) {
      page.path("hits").path("hits").forEach(h -> stored.put(h.path("_id").asText(),
          h.path("_source").path("payload").asText()));
      page = api.call("POST", "/_search/scroll", "{\"scroll\":\"1m\",\"scroll_id\":\""
          + page.path("_scroll_id").asText() + "\"}", 200);
    }
    long count = api.call("GET", "/" + index + "/_count", null, 200).path("count").asLong();
    TreeMap<String, String> expected = new TreeMap<>(acknowledged);
    long missing = expected.keySet().stream().filter(id -> !stored.containsKey(id)).count();
    // documents stored but never acknowledged (a write whose answer was lost) are not losses
    TreeMap<String, String> storedAcknowledged = new TreeMap<>(stored);
    storedAcknowledged.keySet().retainAll(expected.keySet());
    return new DocumentAudit(expected.size(), count, missing, checksum(expected), checksum(storedAcknowledged));
  }

  private static String checksum(TreeMap<String, String> docs) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    docs.forEach((id, payload) -> sha.update((id + "=" + payload + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }

  public boolean nothingLost() {
    return missing == 0 && expectedChecksum.equals(foundChecksum) && found >= expected;
  }

  @Override
  public String toString() {
    return found + " documents found for " + expected + " acknowledged, " + missing + " missing, checksum "
        + foundChecksum + (expectedChecksum.equals(foundChecksum) ? " (matches)" : " (expected " + expectedChecksum + ")");
  }
}
