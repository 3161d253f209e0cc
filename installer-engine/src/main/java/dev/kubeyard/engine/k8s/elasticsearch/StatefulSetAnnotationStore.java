package dev.kubeyard.engine.k8s.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Labels;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateStateStore;
import java.util.Optional;

/**
 * The update state as a JSON annotation on the master StatefulSet, so it lives and dies with the
 * cluster and any machine with a kubeconfig can resume. Saving compares the annotation with the one
 * this store last read or wrote and patches with the resourceVersion it just saw, so a concurrent
 * writer makes the save fail instead of being overwritten.
 */
final class StatefulSetAnnotationStore implements UpdateStateStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SAVE_ATTEMPTS = 5;
  private final KubernetesAccess k8s;
  private final String path;
  private String lastSeen;

  StatefulSetAnnotationStore(KubernetesAccess k8s, String namespace, String masterStatefulSet) {
    this.k8s = k8s;
    this.path = ApiPaths.statefulSet(namespace, masterStatefulSet);
  }

  @Override
  public Optional<UpdateState> load() {
    Optional<JsonNode> sts = read();
    lastSeen = sts.map(StatefulSetAnnotationStore::annotation).orElse(null);
    if (lastSeen == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(lastSeen, UpdateState.class));
    } catch (JsonProcessingException e) {
      throw new EsException("the annotation " + Labels.UPDATE_STATE + " on " + path + " cannot be read: "
          + e.getOriginalMessage(), "inspect it with kubectl get -o yaml");
    }
  }

  /**
   * Compare-and-swap on the annotation: the patch carries the resourceVersion just read, and a 409
   * caused by anything else (the StatefulSet controller updates the status while pods start, found on
   * the lab) is retried after reading again. Only a changed annotation refuses the save.
   */
  @Override
  public void save(UpdateState state) {
    String json;
    try {
      json = JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    for (int attempt = 1; ; attempt++) {
      JsonNode sts = read().orElseThrow(() -> new EsException("the StatefulSet " + path + " does not exist",
          "deploy the cluster with `kubeyard es deploy` first"));
      String current = annotation(sts);
      if (current != null && !current.equals(lastSeen)) {
        throw new UpdateRefused("another Kubeyard changed the update state on " + path + " meanwhile",
            "only one update may run at a time; check `kubeyard es status` and run again");
      }
      ObjectNode patch = JSON.createObjectNode();
      ObjectNode meta = patch.putObject("metadata");
      meta.put("resourceVersion", sts.path("metadata").path("resourceVersion").asText());
      meta.putObject("annotations").put(Labels.UPDATE_STATE, json);
      KubernetesAccess.Reply r = k8s.send("PATCH", path, patch.toString(), KubernetesAccess.MERGE_PATCH);
      if (r.status() == 409 && attempt < SAVE_ATTEMPTS) {
        continue;
      }
      if (r.status() == 409) {
        throw new UpdateRefused("the StatefulSet " + path + " kept changing while the update state was saved ("
            + SAVE_ATTEMPTS + " attempts)", "run the command again; it resumes from the stored state");
      }
      if (!r.ok()) {
        throw new EsException("cannot save the update state on " + path + ": " + r.status() + " " + r.body(),
            "check the kubeconfig's permissions on statefulsets");
      }
      lastSeen = json;
      return;
    }
  }

  private Optional<JsonNode> read() {
    KubernetesAccess.Reply r = k8s.send("GET", path);
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw new EsException("cannot read " + path + ": " + r.status() + " " + r.body(),
          "check the kubeconfig's permissions on statefulsets");
    }
    try {
      return Optional.of(JSON.readTree(r.body()));
    } catch (JsonProcessingException e) {
      throw new EsException("the apiserver answered " + path + " with something that is not JSON", "check the server");
    }
  }

  private static String annotation(JsonNode sts) {
    JsonNode a = sts.path("metadata").path("annotations").path(Labels.UPDATE_STATE);
    return a.isTextual() ? a.asText() : null;
  }

  @Override
  public String describe() {
    return "annotation " + Labels.UPDATE_STATE + " on " + path;
  }
}
