package dev.kubeyard.engine.k8s.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import dev.kubeyard.engine.k8s.Kubeconfigs;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Raw requests through kubernetes-client/java's {@link ApiClient}: the kubeconfig's server, TLS and
 * credentials, any API path (policy/v1beta1 included, which the typed client no longer has), JSON in
 * and out as text.
 */
final class KubernetesAccess {
  static final String MERGE_PATCH = "application/merge-patch+json";
  private final ApiClient client;

  KubernetesAccess(ApiClient client) {
    this.client = client;
  }

  static KubernetesAccess fromKubeconfig(Path kubeconfig) {
    try {
      return new KubernetesAccess(Kubeconfigs.client(kubeconfig, Duration.ofSeconds(120),
          "pass --kubeconfig with the admin.kubeconfig `kubeyard plan` wrote"));
    } catch (ClusterStatusException e) {
      throw new EsException(e.getMessage(), e.hint());
    }
  }

  /** A status code and body; {@code path} may carry a query string. Never throws on an HTTP status. */
  Reply send(String method, String path, String jsonBody, String contentType) {
    String bare = path;
    List<Pair> query = new ArrayList<>();
    int q = path.indexOf('?');
    if (q >= 0) {
      bare = path.substring(0, q);
      for (String kv : path.substring(q + 1).split("&")) {
        int eq = kv.indexOf('=');
        query.add(eq < 0 ? new Pair(kv, "") : new Pair(kv.substring(0, eq), kv.substring(eq + 1)));
      }
    }
    // the bytes as given: a parsed Gson tree would be serialized again without its null members, and
    // {"persistent":{"cluster.routing.allocation.enable":null}} (reset to default) would arrive empty
    // (found on the lab cluster: Elasticsearch answered 400 "no settings to update")
    Object body = jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8);
    // mutable: the client's auth step adds the Authorization header to this map
    Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json"));
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    try {
      Call call = client.buildCall(client.getBasePath(), bare, method, query, new ArrayList<>(), body, headers,
          new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"}, null);
      try (Response r = call.execute()) {
        return new Reply(r.code(), r.body() == null ? "" : r.body().string());
      }
    } catch (ApiException | IOException e) {
      throw new EsException("the Kubernetes API at " + client.getBasePath() + " did not answer " + method + " " + bare
          + ": " + e.getMessage(), "check the kubeconfig's server address and that the apiserver runs");
    }
  }

  Reply send(String method, String path) {
    return send(method, path, null, null);
  }

  String server() {
    return client.getBasePath();
  }

  /** An HTTP answer from the apiserver. */
  record Reply(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }
}
