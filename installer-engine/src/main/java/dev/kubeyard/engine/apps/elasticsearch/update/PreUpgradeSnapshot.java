package dev.kubeyard.engine.apps.elasticsearch.update;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots in an fs repository under every node's {@code path.repo}: taken automatically before a
 * version upgrade, because restoring one into a cluster on the old version is the only way back.
 */
public final class PreUpgradeSnapshot {
  public static final String REPOSITORY = "kubeyard-snapshots";
  private final ElasticsearchApi api;
  private final String location;

  public PreUpgradeSnapshot(ElasticsearchApi api, String location) {
    this.api = api;
    this.location = location;
  }

  /** Registers the fs repository (idempotent); fails with a hint when path.repo is not set. */
  public void ensureRepository() {
    String body = "{\"type\":\"fs\",\"settings\":{\"location\":\"" + location + "\",\"compress\":true}}";
    var r = api.transport().send("PUT", "/_snapshot/" + REPOSITORY, body);
    if (!r.ok()) {
      throw new EsException("cannot register the fs snapshot repository " + REPOSITORY + " at '" + location + "': "
          + r.abbreviated(), "every node needs path.repo set to a directory shared by all nodes");
    }
  }

  /**
   * Takes a snapshot of every index except Kubeyard's own state and waits until it is complete.
   * {@code ignore_unavailable}: on Kubernetes the state is an annotation and the state index does not
   * exist, and excluding a missing index by name is otherwise an index_not_found error (found on the
   * lab cluster).
   */
  public int take(String name) {
    ensureRepository();
    JsonNode r = api.call("PUT", "/_snapshot/" + REPOSITORY + "/" + name + "?wait_for_completion=true",
        "{\"indices\":\"*,-" + ClusterIndexStateStore.INDEX + "\",\"ignore_unavailable\":true,"
        + "\"include_global_state\":false}", 200);
    JsonNode snap = r.path("snapshot");
    if (!"SUCCESS".equals(snap.path("state").asText())) {
      throw new EsException("snapshot " + name + " ended " + snap.path("state").asText() + ": " + snap.path("failures"),
          "check the repository directory's free space and permissions");
    }
    return snap.path("indices").size();
  }

  /** Snapshot names in the repository, oldest first. */
  public List<String> list() {
    ensureRepository();
    List<String> names = new ArrayList<>();
    api.call("GET", "/_snapshot/" + REPOSITORY + "/_all", null, 200).path("snapshots")
        .forEach(s -> names.add(s.path("snapshot").asText()));
    return names;
  }

  /** Restores every index of {@code name}; the cluster must not have open indices of the same names. */
  public int restore(String name) {
    ensureRepository();
    JsonNode r = api.call("POST", "/_snapshot/" + REPOSITORY + "/" + name + "/_restore?wait_for_completion=true",
        "{\"indices\":\"*\",\"include_global_state\":false}", 200);
    return r.path("snapshot").path("indices").size();
  }
}
