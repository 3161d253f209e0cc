package dev.kubeyard.engine.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ComponentStatus;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;

/** {@link ClusterStatus} through kubernetes-client/java, from a kubeconfig file. */
public final class KubernetesClusterStatus implements ClusterStatus {
  private final ApiClient client;
  private final CoreV1Api core;

  private KubernetesClusterStatus(ApiClient client) {
    this.client = client;
    this.core = new CoreV1Api(client);
  }

  /** Connects lazily: nothing is sent until the first question. */
  public static ClusterStatus fromKubeconfig(Path kubeconfig) {
    return new KubernetesClusterStatus(Kubeconfigs.client(kubeconfig, Duration.ofSeconds(15),
        "choose a kubeconfig file, e.g. the admin.kubeconfig the install wrote"));
  }

  @Override
  public List<NodeStatus> nodes() {
    return ask("list nodes", () -> core.listNode().execute().getItems().stream().map(KubernetesObjects::node).toList());
  }

  @Override
  public List<String> namespaces() {
    return ask("list namespaces", () -> core.listNamespace().execute().getItems().stream()
        .map((V1Namespace n) -> n.getMetadata().getName()).sorted().toList());
  }

  @Override
  public List<PodStatus> pods(String namespace) {
    return ask("list pods in " + namespace, () -> core.listNamespacedPod(namespace).execute().getItems().stream()
        .map((V1Pod p) -> KubernetesObjects.pod(p)).toList());
  }

  @Override
  public String podLog(String namespace, String pod, String container, int tailLines) {
    return ask("read the log of " + namespace + "/" + pod,
        () -> core.readNamespacedPodLog(pod, namespace).container(container).tailLines(tailLines).execute());
  }

  @Override
  public List<ComponentHealth> components() {
    List<ComponentHealth> out = new ArrayList<>(apiserverChecks());
    try {
      for (V1ComponentStatus cs : core.listComponentStatus().execute().getItems()) {
        out.add(KubernetesObjects.component(cs));
      }
    } catch (ApiException e) {
      // componentstatuses is deprecated since 1.19 and may be refused; the apiserver checks remain
    }
    return out;
  }

  @Override
  public List<IngressStatus> ingresses() {
    return ask("list Ingresses", () -> {
      for (String version : List.of("v1", "v1beta1")) {
        try (Response r = get("/apis/networking.k8s.io/" + version + "/ingresses", "application/json", List.of())) {
          if (r.code() == 404) {
            continue;
          }
          String body = r.body() == null ? "" : r.body().string();
          if (!r.isSuccessful()) {
            throw new ApiException(r.code(), body);
          }
          return KubernetesObjects.ingresses(body);
        }
      }
      return List.of();
    });
  }

  /** {@code /readyz?verbose} (1.16+), else {@code /healthz?verbose} (1.14): one line per check. */
  private List<ComponentHealth> apiserverChecks() {
    return ask("read the apiserver's health checks", () -> {
      for (String path : List.of("/readyz", "/healthz")) {
        try (Response r = get(path)) {
          if (r.code() == 404) {
            continue;
          }
          return KubernetesObjects.checks(path, r.body() == null ? "" : r.body().string());
        }
      }
      return List.of();
    });
  }

  private Response get(String path) throws ApiException, IOException {
    return get(path, "text/plain", List.of(new Pair("verbose", "true")));
  }

  private Response get(String path, String accept, List<Pair> query) throws ApiException, IOException {
    Map<String, String> headers = new HashMap<>(Map.of("Accept", accept));
    return client.buildCall(client.getBasePath(), path, "GET", query, List.of(),
        null, headers, new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"}, null).execute();
  }

  private interface Question<T> {
    T ask() throws ApiException, IOException;
  }

  private <T> T ask(String what, Question<T> q) {
    try {
      return q.ask();
    } catch (ApiException e) {
      if (e.getCode() == 0) { // no HTTP answer at all
        throw new ClusterStatusException("cannot " + what + ": " + e.getMessage(),
            "check that " + client.getBasePath() + " is reachable from this machine", e);
      }
      String hint = e.getCode() == 401 || e.getCode() == 403
          ? "the kubeconfig's user may not " + what + "; use the admin kubeconfig"
          : "check that the apiserver at " + client.getBasePath() + " is up";
      throw new ClusterStatusException("cannot " + what + ": HTTP " + e.getCode() + " " + e.getMessage(), hint, e);
    } catch (IOException | RuntimeException e) {
      throw new ClusterStatusException("cannot " + what + ": " + e.getMessage(),
          "check that " + client.getBasePath() + " is reachable from this machine", e);
    }
  }
}
