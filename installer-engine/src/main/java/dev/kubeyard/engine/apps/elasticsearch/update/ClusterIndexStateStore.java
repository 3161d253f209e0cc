package dev.kubeyard.engine.apps.elasticsearch.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsResponse;
import java.util.Optional;

/**
 * Keeps the update state as one document in a hidden index of the cluster being updated, so a resume
 * needs nothing but the cluster's address. The index has one replica (none on a one-node cluster),
 * so it survives any single node restart; writes use optimistic concurrency (seq_no/primary_term),
 * so a second orchestrator fails instead of overwriting.
 */
public final class ClusterIndexStateStore implements UpdateStateStore {
  public static final String INDEX = "kubeyard-updates";
  private static final String DOC = "/" + INDEX + "/_doc/current";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ElasticsearchApi api;
  private long seqNo = -1;
  private long primaryTerm = -1;

  public ClusterIndexStateStore(ElasticsearchApi api) {
    this.api = api;
  }

  @Override
  public Optional<UpdateState> load() {
    Optional<JsonNode> doc = api.find(DOC);
    if (doc.isEmpty() || !doc.get().path("found").asBoolean()) {
      seqNo = -1;
      return Optional.empty();
    }
    seqNo = doc.get().path("_seq_no").asLong();
    primaryTerm = doc.get().path("_primary_term").asLong();
    try {
      return Optional.of(JSON.treeToValue(doc.get().path("_source"), UpdateState.class));
    } catch (JsonProcessingException e) {
      throw new EsException("the update state in " + INDEX + " cannot be read: " + e.getOriginalMessage(),
          "inspect it with GET " + DOC);
    }
  }

  @Override
  public void save(UpdateState state) {
    ensureIndex();
    String concurrency = seqNo < 0 ? "?op_type=create" : "?if_seq_no=" + seqNo + "&if_primary_term=" + primaryTerm;
    EsResponse r;
    try {
      r = api.transport().send("PUT", DOC + concurrency + "&refresh=true", JSON.writeValueAsString(state));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (r.status() == 409) {
      throw new UpdateRefused("another Kubeyard changed the update state of this cluster meanwhile",
          "only one update may run at a time; check `kubeyard es status` and run again");
    }
    if (!r.ok()) {
      throw new EsException("cannot save the update state: " + r.status() + " " + r.abbreviated(),
          "check the cluster with `kubeyard es status`");
    }
    JsonNode j = r.json();
    seqNo = j.path("_seq_no").asLong();
    primaryTerm = j.path("_primary_term").asLong();
  }

  private void ensureIndex() {
    if (api.find("/" + INDEX + "?filter_path=*.settings.index.hidden").isPresent()) {
      return;
    }
    EsResponse r = api.transport().send("PUT", "/" + INDEX, "{\"settings\":{\"index.hidden\":true,"
        + "\"index.number_of_shards\":1,\"index.auto_expand_replicas\":\"0-1\"}}");
    if (!r.ok() && !r.body().contains("resource_already_exists_exception")) {
      throw new EsException("cannot create the index " + INDEX + ": " + r.abbreviated(),
          "check the cluster with `kubeyard es status`");
    }
  }

  @Override
  public String describe() {
    return "document " + DOC + " in the cluster";
  }
}
